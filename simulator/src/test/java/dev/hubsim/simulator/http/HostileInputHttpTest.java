package dev.hubsim.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.testing.RawHttp;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad names on every route family, and hostile requests: none may produce a 5xx, and a refused request leaves the
 * registry exactly as it was. One simulator serves the whole class so the state carries across every request.
 */
class HostileInputHttpTest {
    private static final String REPO = "alice/app";
    private static final String DIGEST = Digest.sha256(new byte[0]).toString();
    private static final String OCI = "application/vnd.oci.image.manifest.v1+json";

    private static Simulator simulator;
    private static RegistryHttp http;
    private static Image image;
    private static String session;

    @BeforeAll
    static void start() {
        simulator = Simulator.builder().auth(AuthMode.NONE).start();
        http = new RegistryHttp(simulator.baseUri());
        image = TestImages.ociImage();
        http.pushImage(REPO, "v1", image);
        session = http.patch(http.startUpload(REPO), new byte[7]).expect(202).location();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static Stream<Arguments> badNamesOnEveryRoute() {
        List<String> names = List.of("Alice/app", "alice/App", "-alice/app", "alice-/app", "alice/app.", "alice/_app",
                "alice//app", "alice/app:v1", "äpp/x", "a".repeat(256), "alice/a%20b");
        List<String[]> routes = List.of(
                new String[]{"GET", "/manifests/v1"}, new String[]{"HEAD", "/manifests/v1"},
                new String[]{"PUT", "/manifests/v1"}, new String[]{"DELETE", "/manifests/" + DIGEST},
                new String[]{"GET", "/blobs/" + DIGEST}, new String[]{"HEAD", "/blobs/" + DIGEST},
                new String[]{"DELETE", "/blobs/" + DIGEST}, new String[]{"POST", "/blobs/uploads/"},
                new String[]{"POST", "/blobs/uploads/?digest=" + DIGEST},
                new String[]{"POST", "/blobs/uploads/?mount=" + DIGEST + "&from=alice/app"},
                new String[]{"GET", "/blobs/uploads/SESSION"}, new String[]{"PATCH", "/blobs/uploads/SESSION"},
                new String[]{"PUT", "/blobs/uploads/SESSION?digest=" + DIGEST}, new String[]{"DELETE", "/blobs/uploads/SESSION"},
                new String[]{"GET", "/tags/list"}, new String[]{"GET", "/referrers/" + DIGEST});
        List<Arguments> cases = new ArrayList<>();
        for (String name : names) {
            for (String[] route : routes) {
                cases.add(arguments(route[0], name.length() > 40 ? name.substring(0, 10) + "...(" + name.length() + ")" : name,
                        "/v2/" + name + route[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with name {1}")
    @MethodSource("badNamesOnEveryRoute")
    void invalidRepositoryNamesAreNameInvalidOnEveryRoute(String method, String shownName, String path) {
        String target = path.replace("SESSION", sessionId());
        String before = snapshot();

        Reply reply = http.send(method, target, BodyPublishers.ofByteArray(method.equals("PUT") && target.contains("/manifests/")
                ? image.bytes() : new byte[0]), "Content-Type", method.equals("PUT") && target.contains("/manifests/")
                ? OCI : "application/octet-stream");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        if (!method.equals("HEAD")) {
            assertThat(reply.errorCode()).as(reply.toString()).isEqualTo("NAME_INVALID");
        }
        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        assertThat(snapshot()).isEqualTo(before);
    }

    static Stream<Arguments> hostileRequests() {
        String manifests = "/v2/" + REPO + "/manifests/";
        String blobs = "/v2/" + REPO + "/blobs/";
        String uploads = "/v2/" + REPO + "/blobs/uploads/";
        return Stream.of(
                raw("GET", manifests + "sha256:zzz"),
                raw("GET", manifests + "sha256:" + "A".repeat(64)),
                raw("GET", manifests + "sha512:" + "a".repeat(64)),
                raw("GET", manifests + "sha256%3A" + "a".repeat(64)),
                raw("GET", manifests + "x".repeat(10_000)),
                raw("GET", manifests + "%00"),
                raw("GET", manifests + ".."),
                raw("GET", manifests + "%2e%2e"),
                raw("GET", manifests + "..%2F..%2Fetc%2Fpasswd"),
                raw("GET", "/v2/../../etc/passwd"),
                raw("GET", "/v2/alice/../../../etc/passwd/tags/list"),
                raw("GET", blobs + "sha256:../../../etc/passwd"),
                raw("GET", blobs + "sha256:..%2F..%2F..%2Fetc%2Fpasswd"),
                raw("GET", blobs + "..%2F..%2Fblobs"),
                raw("GET", blobs + "sha256:" + "0".repeat(63) + "/"),
                raw("GET", "/v2/" + REPO + "/tags/list?n=" + "9".repeat(100)),
                raw("GET", "/v2/" + REPO + "/tags/list?last=%ff%fe&n=1"),
                raw("GET", "/v2/" + REPO + "/tags/list?n=1&n=2&last=a&last=b"),
                raw("GET", "/v2/" + REPO + "/referrers/" + DIGEST + "?artifactType="),
                raw("GET", "/v2/" + REPO + "/referrers/sha256:"),
                raw("GET", "/" + "x".repeat(100_000)),
                raw("GET", "/v2/?" + "q=1&".repeat(20_000)),
                raw("GET", manifests + "v1", "X-Big: " + "b".repeat(100_000)),
                raw("GET", manifests + "v1", "Accept: " + "application/x, ".repeat(500)),
                raw("GET", manifests + "v1", "Accept: ;;;,,,;q=,"),
                raw("GET", manifests + "v1", "If-None-Match: *"),
                raw("GET", blobs + "DIGEST", "Range: bytes=0-1,3-4"),
                raw("GET", blobs + "DIGEST", "Range: bytes=abc"),
                raw("GET", blobs + "DIGEST", "Range: bytes=99999999999999999999-"),
                raw("GET", blobs + "DIGEST", "Range: items=0-1"),
                raw("GET", blobs + "DIGEST", "Range: bytes=-"),
                raw("BREW", "/v2/"),
                raw("FOO", manifests + "v1"),
                raw("PROPFIND", "/v2/"),
                raw("TRACE", "/v2/"),
                raw("CONNECT", "/v2/"),
                raw("OPTIONS", manifests + "v1"),
                raw("GET", "*"),
                raw("GET", "no-slash"),
                raw("GET", "http://elsewhere.example/v2/"),
                rawVersion("GET", "/v2/", "HTTP/9.9"),
                rawVersion("GET", "/v2/", "HTTP/1.0"),
                body("PUT", manifests + "v1", "", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "null", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "\"text\"", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2,\"config\":null,\"layers\":null}", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a\",\"digest\":\"" + DIGEST
                        + "\",\"size\":-1},\"layers\":[]}", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a\",\"digest\":\"" + DIGEST
                        + "\",\"size\":1e400},\"layers\":[]}", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a\",\"digest\":\"" + DIGEST
                        + "\",\"size\":99999999999999999999999},\"layers\":[]}", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a\",\"digest\":\"" + DIGEST
                        + "\",\"size\":0},\"layers\":{}}", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                        + "\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"" + DIGEST + "\",\"size\":0,\"platform\":7}]}",
                        "Content-Type: application/vnd.oci.image.index.v1+json"),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                        + "\"manifests\":[{\"mediaType\":\"x\",\"digest\":\"" + DIGEST + "\",\"size\":0,\"platform\":{}}]}",
                        "Content-Type: application/vnd.oci.image.index.v1+json"),
                body("PUT", manifests + "v1", "[".repeat(100_000), "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{\"a\":\"" + "\\u0000".repeat(1000) + "\"}", "Content-Type: " + OCI),
                bytes("PUT", manifests + "v1", new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2}, "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2}", "Content-Type: text/plain"),
                body("PUT", manifests + "v1", "{\"schemaVersion\":2}"),
                body("PUT", manifests + "v1", "{\"schemaVersion\":\"2\",\"config\":{},\"layers\":[]}", "Content-Type: " + OCI),
                body("PUT", manifests + "v1?tag=", new String(TestImages.ociImage().bytes(), StandardCharsets.UTF_8), "Content-Type: " + OCI),
                body("PUT", manifests + "sha256:" + "0".repeat(64) + "?tag=x", "{}", "Content-Type: " + OCI),
                body("PUT", manifests + "v1", "{}", "Content-Type: " + OCI, "Transfer-Encoding: chunked"),
                body("POST", uploads + "?digest=", "abc"),
                body("POST", uploads + "?mount=", ""),
                body("POST", uploads + "?mount=" + DIGEST + "&from=", ""),
                body("POST", uploads + "?mount=" + DIGEST + "&from=../../x", ""),
                body("POST", uploads + "?digest=" + DIGEST, "abc"),
                body("POST", uploads + "?digest=" + DIGEST, "abc", "Content-Length: 10"),
                body("POST", uploads + "?digest=sha256:nothex", "abc"),
                body("PATCH", uploads + "SESSION", "abc", "Content-Range: 0-9223372036854775807"),
                body("PATCH", uploads + "SESSION", "abc", "Content-Range: 7-999999999999999999"),
                body("PATCH", uploads + "SESSION", "abc", "Content-Range: 999999999999999999-7"),
                body("PATCH", uploads + "SESSION", "abc", "Content-Range: bytes */7"),
                body("PATCH", uploads + "nope", "abc"),
                body("PATCH", uploads + "..%2F..%2Fscratch", "abc"),
                body("PATCH", uploads + "%2e%2e", "abc"),
                body("PUT", uploads + "SESSION?digest=" + "sha256:" + "0".repeat(64) + "&digest=" + DIGEST, ""),
                body("PUT", uploads + "SESSION?digest=sha256:", ""),
                body("DELETE", uploads, ""),
                body("GET", uploads, ""),
                body("DELETE", "/v2/", ""),
                body("POST", "/v2/_catalog", "{}"),
                body("GET", "/v2/_catalog?n=1&last=%00", ""),
                body("HEAD", "/v2/_catalog", ""));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("hostileRequests")
    void hostileRequestsNeverCauseAServerErrorNorChangeTheState(String method, String target, List<String> headers,
                                                               byte[] body, String version) {
        String resolved = target.replace("SESSION", sessionId()).replace("DIGEST", image.blobs().get(1).digest().toString());
        String before = snapshot();

        Reply reply = RawHttp.exchange(simulator.baseUri(), method, resolved, headers, body, version);

        if ("HTTP/9.9".equals(version)) {
            assertThat(reply.status()).isEqualTo(505);
            return;
        }
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 499);
        if (isErrorEnvelope(reply)) {
            assertThat(reply.header("Docker-Distribution-API-Version")).as(reply.toString()).isEqualTo("registry/2.0");
        }
        // A refusal changes nothing, except that a wrong size or digest fails its session (distribution's rule).
        boolean failsTheSession = target.contains("SESSION") && List.of("SIZE_INVALID", "DIGEST_INVALID").contains(reply.errorCode());
        if (reply.status() >= 400 && !failsTheSession) {
            assertThat(snapshot()).as("state after " + reply).isEqualTo(before);
        }
    }

    @BeforeEach
    void openSessionAgainIfARequestEndedIt() {
        if (http.get(session).status() != 204) {
            session = http.patch(http.startUpload(REPO), new byte[7]).expect(202).location();
        }
    }

    @Test
    void oversizedHeadersAreRefusedWithTheApiVersionHeader() {
        Reply reply = RawHttp.exchange(simulator.baseUri(), "GET", "/v2/", List.of("X-Big: " + "b".repeat(100_000)), new byte[0]);

        assertThat(reply.status()).isEqualTo(431);
        assertThat(reply.header("Docker-Distribution-API-Version")).as(reply.toString()).isEqualTo("registry/2.0");
    }

    @Test
    void dotDotPathsAreRefusedWithTheApiVersionHeader() {
        Reply reply = RawHttp.exchange(simulator.baseUri(), "GET", "/v2/../../etc/passwd", List.of(), new byte[0]);

        assertThat(reply.status()).isBetween(400, 499);
        assertThat(reply.header("Docker-Distribution-API-Version")).as(reply.toString()).isEqualTo("registry/2.0");
    }

    /** Everything a client could observe: repositories, tags and their digests, blobs, the open session. */
    private static String snapshot() {
        StringBuilder state = new StringBuilder();
        JsonNode repositories = http.get("/v2/_catalog").expect(200).json().path("repositories");
        state.append(repositories).append('\n');
        for (JsonNode repository : repositories) {
            JsonNode tags = http.get("/v2/" + repository.asText() + "/tags/list").expect(200).json().path("tags");
            for (JsonNode tag : tags) {
                Reply manifest = http.head("/v2/" + repository.asText() + "/manifests/" + tag.asText(), "Accept",
                        RegistryHttp.ACCEPT_ALL);
                state.append(repository.asText()).append(':').append(tag.asText()).append('=')
                        .append(manifest.header("Docker-Content-Digest")).append('\n');
            }
        }
        for (var blob : image.blobs()) {
            state.append(blob.digest()).append(' ').append(http.head("/v2/" + REPO + "/blobs/" + blob.digest()).status()).append('\n');
        }
        state.append(http.getManifest(REPO, image.digest().toString()).status()).append('\n');
        state.append("session ").append(http.get(session).header("Range")).append('\n');
        state.append("open uploads ").append(simulator.registry().uploads().openCount()).append('\n');
        return state.toString();
    }

    private static String sessionId() {
        String path = java.net.URI.create(session).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isErrorEnvelope(Reply reply) {
        try {
            return reply.body().length > 0 && reply.json().has("errors");
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static Arguments raw(String method, String target, String... headers) {
        return arguments(method, target, List.of(headers), new byte[0], null);
    }

    private static Arguments rawVersion(String method, String target, String version) {
        return arguments(method, target, List.of(), new byte[0], version);
    }

    private static Arguments body(String method, String target, String body, String... headers) {
        return bytes(method, target, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static Arguments bytes(String method, String target, byte[] body, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        boolean chunked = all.stream().anyMatch(h -> h.startsWith("Transfer-Encoding"));
        if (!chunked && all.stream().noneMatch(h -> h.startsWith("Content-Length"))) {
            all.add("Content-Length: " + body.length);
        }
        return arguments(method, target, all, body, null);
    }
}
