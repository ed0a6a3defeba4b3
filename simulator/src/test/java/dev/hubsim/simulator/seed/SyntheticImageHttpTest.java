package dev.hubsim.simulator.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.testing.HubTokens;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.hubsim.simulator.testing.HubTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded synthetic images as an anonymous client pulls them over HTTP with token auth: a two-platform OCI index
 * whose children carry their platforms, layers of the requested sizes that are valid tar archives, and the same
 * digests from every simulator seeded with the same description.
 */
class SyntheticImageHttpTest {
    private static final long FIVE_MB = 5L << 20;
    private static final long TWO_HUNDRED_KB = 200L << 10;
    private static final Seed SEED = new Seed(List.of(), List.of(), List.of(), List.of(
            new Seed.Image("library/nginx:1.27", List.of("linux/amd64", "linux/arm64/v8"), List.of("5MB", "200KB")),
            new Seed.Image("library/busybox:latest", null, List.of("300"))));

    @TempDir
    static Path work;

    private static Simulator simulator;
    private static RegistryHttp http;
    private static String token;

    @BeforeAll
    static void start() {
        simulator = Simulator.builder().auth(AuthMode.TOKEN).seed(SEED).start();
        http = new RegistryHttp(simulator.baseUri());
        token = new HubTokens(http).anonymous("library/nginx", "pull");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aTwoPlatformImageIsAnOciIndexWhoseChildrenCarryThePlatforms() {
        Reply index = http.get("/v2/library/nginx/manifests/1.27", "Accept", RegistryHttp.ACCEPT_ALL,
                "Authorization", bearer(token));

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.header("Content-Type")).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(index.header("Docker-Content-Digest")).isEqualTo(Digest.sha256(index.body()).toString());
        JsonNode manifests = index.json().path("manifests");
        assertThat(manifests).hasSize(2);
        assertThat(manifests.get(0).path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(platform(manifests.get(0).path("platform"))).isEqualTo("linux/amd64");
        assertThat(platform(manifests.get(1).path("platform"))).isEqualTo("linux/arm64/v8");
    }

    @Test
    void eachChildIsPullableByDigestWithAConfigNamingItsPlatform() {
        for (JsonNode child : index().path("manifests")) {
            Reply manifest = child(child);
            JsonNode config = json(blob(manifest.json().path("config").path("digest").asText()));

            assertThat(manifest.status()).isEqualTo(200);
            assertThat(Digest.sha256(manifest.body()).toString()).isEqualTo(child.path("digest").asText());
            assertThat(manifest.body()).hasSize(child.path("size").asInt());
            assertThat(config.path("os").asText()).isEqualTo(child.path("platform").path("os").asText());
            assertThat(config.path("architecture").asText()).isEqualTo(child.path("platform").path("architecture").asText());
            assertThat(config.path("rootfs").path("diff_ids")).as("uncompressed layers: diff id = digest")
                    .isEqualTo(digests(manifest.json().path("layers")));
        }
    }

    @Test
    void layersHaveAboutTheRequestedSizesAndTheirDigests() {
        JsonNode layers = child(index().path("manifests").get(0)).json().path("layers");

        assertThat(layers).hasSize(2);
        long[] requested = {FIVE_MB, TWO_HUNDRED_KB};
        for (int i = 0; i < 2; i++) {
            byte[] bytes = blob(layers.get(i).path("digest").asText());
            assertThat(Digest.sha256(bytes).toString()).isEqualTo(layers.get(i).path("digest").asText());
            assertThat((long) bytes.length).isEqualTo(layers.get(i).path("size").asLong())
                    .as("the content plus a tar header, padding and the end blocks")
                    .isBetween(requested[i] + 512, requested[i] + 512 + 511 + 1024);
            assertThat(octal(bytes, 124, 12)).as("the file in the tar has the requested size").isEqualTo(requested[i]);
        }
    }

    @Test
    void layersAreTarArchivesWithValidHeadersThatTarItselfLists() throws Exception {
        JsonNode layers = child(index().path("manifests").get(1)).json().path("layers");
        byte[] bytes = blob(layers.get(1).path("digest").asText());

        assertThat(new String(bytes, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
        assertThat(octal(bytes, 148, 8)).as("header checksum").isEqualTo(checksum(bytes));
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 1024, bytes.length)).as("two zero end blocks")
                .containsOnly((byte) 0);
        Path file = Files.write(work.resolve("layer.tar"), bytes);
        Process tar = new ProcessBuilder("tar", "-tvf", file.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(listing).isZero();
        assertThat(listing).contains("layer-1.bin").contains(Long.toString(TWO_HUNDRED_KB));
    }

    @Test
    void thePlatformsHaveDifferentLayers() {
        JsonNode manifests = index().path("manifests");

        List<String> amd64 = texts(digests(child(manifests.get(0)).json().path("layers")));
        List<String> arm64 = texts(digests(child(manifests.get(1)).json().path("layers")));

        assertThat(amd64).doesNotContainAnyElementsOf(arm64);
    }

    @Test
    void aSinglePlatformImageIsAPlainOciManifest() {
        String busybox = new HubTokens(http).anonymous("library/busybox", "pull");

        Reply manifest = http.get("/v2/library/busybox/manifests/latest", "Accept", RegistryHttp.ACCEPT_ALL,
                "Authorization", bearer(busybox));

        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Content-Type")).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.json().path("layers")).hasSize(1);
        assertThat(manifest.json().path("layers").get(0).path("size").asLong()).isEqualTo(512 + 512 + 1024);
    }

    @Test
    void twoSimulatorsSeededFromTheSameDescriptionServeIdenticalDigests() {
        try (Simulator other = Simulator.builder().auth(AuthMode.TOKEN).seed(SEED).start()) {
            RegistryHttp otherHttp = new RegistryHttp(other.baseUri());
            String otherToken = new HubTokens(otherHttp).anonymous("library/nginx", "pull");

            Reply mine = http.get("/v2/library/nginx/manifests/1.27", "Accept", RegistryHttp.ACCEPT_ALL,
                    "Authorization", bearer(token));
            Reply theirs = otherHttp.get("/v2/library/nginx/manifests/1.27", "Accept", RegistryHttp.ACCEPT_ALL,
                    "Authorization", bearer(otherToken));

            assertThat(theirs.header("Docker-Content-Digest")).isEqualTo(mine.header("Docker-Content-Digest"));
            assertThat(theirs.body()).isEqualTo(mine.body());
        }
    }

    @Test
    void theSameDescriptionGivesTheSameDigestsAfterAReset() {
        String before = simulator.registry().manifest("library/nginx", "1.27").digest().toString();

        simulator.reset();

        assertThat(simulator.registry().manifest("library/nginx", "1.27").digest().toString()).isEqualTo(before);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static JsonNode index() {
        return http.get("/v2/library/nginx/manifests/1.27", "Accept", RegistryHttp.ACCEPT_ALL,
                "Authorization", bearer(freshToken())).expect(200).json();
    }

    private static Reply child(JsonNode descriptor) {
        return http.get("/v2/library/nginx/manifests/" + descriptor.path("digest").asText(),
                "Accept", descriptor.path("mediaType").asText(), "Authorization", bearer(freshToken())).expect(200);
    }

    private static byte[] blob(String digest) {
        return http.get("/v2/library/nginx/blobs/" + digest, "Authorization", bearer(freshToken())).expect(200).body();
    }

    /** A new anonymous token per request, so no helper depends on how long the class has been running. */
    private static String freshToken() {
        return new HubTokens(http).anonymous("library/nginx", "pull");
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode digests(JsonNode descriptors) {
        com.fasterxml.jackson.databind.node.ArrayNode digests = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        descriptors.forEach(d -> digests.add(d.path("digest").asText()));
        return digests;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static String platform(JsonNode platform) {
        String text = platform.path("os").asText() + "/" + platform.path("architecture").asText();
        return platform.hasNonNull("variant") ? text + "/" + platform.path("variant").asText() : text;
    }

    /** A NUL- or space-terminated octal field of a tar header. */
    private static long octal(byte[] header, int offset, int length) {
        String text = new String(header, offset, length, StandardCharsets.US_ASCII).replace('\0', ' ').trim();
        return Long.parseLong(text, 8);
    }

    /** The tar checksum: the header's bytes summed with the checksum field read as spaces. */
    private static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        return sum;
    }
}
