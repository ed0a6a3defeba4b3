package dev.hubsim.simulator.http;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT, GET, HEAD and DELETE of manifests of the four media types, by tag and by digest, and their headers. */
class ManifestHttpTest extends ConformanceTest {
    static final List<String> TYPES = List.of(MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX);
    private static final String REPO = "alice/app";


    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void putByTagAnswers201WithLocationAndDigest(String mediaType) {
        Image image = TestImages.ofType(mediaType);

        Reply reply = http.pushImage(REPO, "v1", image);

        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(image.digest().toString());
        assertThat(reply.location()).endsWith("/v2/" + REPO + "/manifests/" + image.digest());
        assertThat(reply.header("Content-Length")).isEqualTo("0");
        assertThat(reply.header("OCI-Subject")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void getByTagReturnsTheExactBytesWithTheirHeaders(String mediaType) {
        Image image = TestImages.ofType(mediaType);
        http.pushImage(REPO, "v1", image);

        Reply reply = http.getManifest(REPO, "v1").expect(200);

        assertThat(reply.body()).isEqualTo(image.bytes());
        assertThat(reply.header("Content-Type")).isEqualTo(mediaType);
        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(image.digest().toString());
        assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(image.size()));
        assertThat(reply.header("ETag")).isEqualTo("\"" + image.digest() + "\"");
        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void getByDigestReturnsTheExactBytes(String mediaType) {
        Image image = TestImages.ofType(mediaType);
        http.pushImage(REPO, "v1", image);

        Reply reply = http.getManifest(REPO, image.digest().toString()).expect(200);

        assertThat(reply.body()).isEqualTo(image.bytes());
        assertThat(reply.header("Content-Type")).isEqualTo(mediaType);
        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(image.digest().toString());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void putByDigestStoresTheManifestWithoutATag(String mediaType) {
        Image image = TestImages.ofType(mediaType);

        Reply reply = http.pushImage(REPO, image.digest().toString(), image);

        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(image.digest().toString());
        assertThat(http.getManifest(REPO, image.digest().toString()).expect(200).body()).isEqualTo(image.bytes());
        assertThat(http.get("/v2/" + REPO + "/tags/list").expect(200).json().path("tags")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void headDescribesTheManifestWithoutABody(String mediaType) {
        Image image = TestImages.ofType(mediaType);
        http.pushImage(REPO, "v1", image);

        for (String reference : List.of("v1", image.digest().toString())) {
            Reply reply = http.head("/v2/" + REPO + "/manifests/" + reference, "Accept", RegistryHttp.ACCEPT_ALL).expect(200);

            assertThat(reply.body()).isEmpty();
            assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(image.size()));
            assertThat(reply.header("Content-Type")).isEqualTo(mediaType);
            assertThat(reply.header("Docker-Content-Digest")).isEqualTo(image.digest().toString());
            assertThat(reply.header("ETag")).isEqualTo("\"" + image.digest() + "\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("TYPES")
    void deleteByDigestAnswers202AndRemovesTheManifestAndItsTags(String mediaType) {
        Image image = TestImages.ofType(mediaType);
        http.pushImage(REPO, "v1", image);
        http.pushManifest(REPO, "v2", image);
        String path = "/v2/" + REPO + "/manifests/";

        http.delete(path + image.digest()).expect(202);

        assertThat(http.getManifest(REPO, image.digest().toString()).expect(404).errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(http.getManifest(REPO, "v1").expect(404).errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(http.head(path + "v2", "Accept", RegistryHttp.ACCEPT_ALL).status()).isEqualTo(404);
        assertThat(http.get("/v2/" + REPO + "/tags/list").json().path("tags")).isEmpty();
    }

    @Test
    void ifNoneMatchWithTheETagAnswers304() {
        Image image = TestImages.dockerImage();
        http.pushImage(REPO, "v1", image);
        String etag = "\"" + image.digest() + "\"";

        Reply get = http.get("/v2/" + REPO + "/manifests/v1", "Accept", MediaTypes.DOCKER_MANIFEST, "If-None-Match", etag);
        Reply head = http.head("/v2/" + REPO + "/manifests/v1", "Accept", MediaTypes.DOCKER_MANIFEST, "If-None-Match", etag);

        assertThat(get.status()).isEqualTo(304);
        assertThat(get.body()).isEmpty();
        assertThat(get.header("ETag")).isEqualTo(etag);
        assertThat(head.status()).isEqualTo(304);
    }

    @Test
    void ifNoneMatchWithAnotherETagAnswers200() {
        Image image = TestImages.dockerImage();
        http.pushImage(REPO, "v1", image);

        Reply reply = http.get("/v2/" + REPO + "/manifests/v1", "Accept", MediaTypes.DOCKER_MANIFEST,
                "If-None-Match", "\"" + Digest.sha256(new byte[1]) + "\"").expect(200);

        assertThat(reply.body()).isEqualTo(image.bytes());
    }

    @Test
    void digestIsOverTheExactBytesWithUnusualWhitespaceAndKeyOrder() {
        Blob config = TestImages.config(MediaTypes.OCI_CONFIG);
        Blob layer = TestImages.layer(100);
        http.pushBlob(REPO, config);
        http.pushBlob(REPO, layer);
        String json = "\n  {\t\"layers\" : [ {\"size\":" + layer.size() + ",\r\n \"digest\": \"" + layer.digest()
                + "\", \"mediaType\":\"" + layer.mediaType() + "\"} ],\n\n"
                + "   \"config\":{ \"digest\":\"" + config.digest() + "\",\"size\" :   " + config.size()
                + " , \"mediaType\" : \"" + config.mediaType() + "\" },\n"
                + "\"schemaVersion\"   :2 , \"annotations\": {\"t\u00e9st\": \"\u2603 \\u00e9\"}   }\n\n";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Digest digest = Digest.sha256(bytes);

        Reply put = http.putManifest(REPO, "odd", bytes, MediaTypes.OCI_MANIFEST).expect(201);
        Reply byTag = http.getManifest(REPO, "odd").expect(200);
        Reply byDigest = http.getManifest(REPO, digest.toString()).expect(200);

        assertThat(put.header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(byTag.body()).isEqualTo(bytes);
        assertThat(byDigest.body()).isEqualTo(bytes);
        assertThat(byTag.header("Content-Type")).isEqualTo(MediaTypes.OCI_MANIFEST);
    }

    @Test
    void manifestWithoutMediaTypeFieldTakesItsTypeFromContentType() {
        Blob config = TestImages.config(MediaTypes.DOCKER_CONFIG);
        http.pushBlob(REPO, config);
        byte[] bytes = ("{\"schemaVersion\":2,\"config\":" + new String(TestImages.write(
                TestImages.descriptor(config.mediaType(), config.digest(), config.size())), StandardCharsets.UTF_8)
                + ",\"layers\":[]}").getBytes(StandardCharsets.UTF_8);

        http.putManifest(REPO, "bare", bytes, MediaTypes.DOCKER_MANIFEST).expect(201);

        assertThat(http.getManifest(REPO, "bare").header("Content-Type")).isEqualTo(MediaTypes.DOCKER_MANIFEST);
    }

    @Test
    void retaggingMovesTheTagToTheNewManifest() {
        Image first = TestImages.ociImage();
        Image second = TestImages.ociImage();
        http.pushImage(REPO, "latest", first);
        http.pushImage(REPO, "latest", second);

        assertThat(http.getManifest(REPO, "latest").body()).isEqualTo(second.bytes());
        assertThat(http.getManifest(REPO, first.digest().toString()).expect(200).body()).isEqualTo(first.bytes());
    }

    @Test
    void subjectIsEchoedInTheOciSubjectHeader() {
        Image subject = TestImages.ociImage();
        http.pushImage(REPO, "v1", subject);
        Image artifact = TestImages.artifact(subject, "application/vnd.example.sbom", Map.of());

        Reply reply = http.pushImage(REPO, artifact.digest().toString(), artifact);

        assertThat(reply.header("OCI-Subject")).isEqualTo(subject.digest().toString());
    }

    @Test
    void subjectMayNameAManifestThatIsNotThere() {
        Digest absent = Digest.sha256("nothing".getBytes(StandardCharsets.UTF_8));
        Image artifact = TestImages.artifact(absent, 7, "application/vnd.example.sig", Map.of());

        Reply reply = http.pushImage(REPO, artifact.digest().toString(), artifact);

        assertThat(reply.header("OCI-Subject")).isEqualTo(absent.toString());
    }

    @Test
    void putByDigestWithTagParametersTagsItAndEchoesOciTag() {
        Image image = TestImages.ociImage();
        image.blobs().forEach(blob -> http.pushBlob(REPO, blob));

        Reply reply = http.putManifest(REPO, image.digest() + "?tag=a&tag=b", image.bytes(), image.mediaType()).expect(201);

        assertThat(String.join(",", reply.headerValues("OCI-Tag"))).contains("a").contains("b");
        assertThat(http.getManifest(REPO, "a").expect(200).body()).isEqualTo(image.bytes());
        assertThat(http.getManifest(REPO, "b").expect(200).body()).isEqualTo(image.bytes());
        assertThat(http.get("/v2/" + REPO + "/tags/list").json().path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void manifestsOfOneRepositoryAreNotVisibleInAnother() {
        Image image = TestImages.dockerImage();
        http.pushImage(REPO, "v1", image);
        http.pushImage("bob/other", "v0", TestImages.dockerImage());

        assertThat(http.getManifest("bob/other", image.digest().toString()).expect(404).errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(http.getManifest("bob/other", "v1").expect(404).errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void manifestOfExactlyTheSizeLimitIsAccepted() {
        Blob config = TestImages.config(MediaTypes.OCI_CONFIG);
        http.pushBlob(REPO, config);
        String prefix = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":"
                + new String(TestImages.write(TestImages.descriptor(config.mediaType(), config.digest(), config.size())),
                StandardCharsets.UTF_8) + ",\"layers\":[],\"annotations\":{\"pad\":\"";
        String suffix = "\"}}";
        int padding = 4 * 1024 * 1024 - prefix.length() - suffix.length();
        byte[] bytes = (prefix + "x".repeat(padding) + suffix).getBytes(StandardCharsets.UTF_8);
        assertThat(bytes).hasSize(4 * 1024 * 1024);

        Reply reply = http.putManifest(REPO, "big", bytes, MediaTypes.OCI_MANIFEST).expect(201);

        assertThat(reply.header("Docker-Content-Digest")).isEqualTo(Digest.sha256(bytes).toString());
        assertThat(http.getManifest(REPO, "big").expect(200).body()).isEqualTo(bytes);
    }
}
