package dev.hubsim.simulator.http;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every refusal of manifest PUT, GET and DELETE: status, error code, detail, and nothing stored. */
class ManifestErrorsHttpTest extends ConformanceTest {
    private static final String REPO = "alice/app";
    private static final int LIMIT = 4 * 1024 * 1024;


    /** A refused PUT: what to push first, then the request. */
    interface Attempt {
        Reply send(RegistryHttp http);
    }

    static Stream<Arguments> refusedPuts() {
        return Stream.of(
                arguments("malformed JSON", 400, "MANIFEST_INVALID",
                        put("v1", "{\"schemaVersion\":2,", MediaTypes.OCI_MANIFEST)),
                arguments("empty body", 400, "MANIFEST_INVALID", put("v1", "", MediaTypes.OCI_MANIFEST)),
                arguments("JSON array", 400, "MANIFEST_INVALID", put("v1", "[]", MediaTypes.OCI_MANIFEST)),
                arguments("trailing garbage", 400, "MANIFEST_INVALID",
                        put("v1", new String(TestImages.ociImage().bytes(), StandardCharsets.UTF_8) + "}", MediaTypes.OCI_MANIFEST)),
                arguments("schemaVersion 1", 400, "MANIFEST_INVALID", put("v1",
                        "{\"schemaVersion\":1,\"name\":\"alice/app\",\"tag\":\"v1\",\"architecture\":\"amd64\","
                                + "\"fsLayers\":[],\"history\":[]}", MediaTypes.DOCKER_MANIFEST_V1)),
                arguments("schemaVersion 3", 400, "MANIFEST_INVALID", put("v1",
                        "{\"schemaVersion\":3,\"config\":{},\"layers\":[]}", MediaTypes.OCI_MANIFEST)),
                arguments("unknown media type", 400, "MANIFEST_INVALID", put("v1",
                        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.example+json\",\"config\":{},\"layers\":[]}",
                        "application/vnd.example+json")),
                arguments("Content-Type differs from mediaType", 400, "MANIFEST_INVALID", (Attempt) http -> {
                    Image image = TestImages.ociImage();
                    image.blobs().forEach(b -> http.pushBlob(REPO, b));
                    return http.putManifest(REPO, "v1", image.bytes(), MediaTypes.DOCKER_MANIFEST);
                }),
                arguments("index Content-Type for an image", 400, "MANIFEST_INVALID", (Attempt) http -> {
                    Image image = TestImages.ociImage();
                    image.blobs().forEach(b -> http.pushBlob(REPO, b));
                    return http.putManifest(REPO, "v1", image.bytes(), MediaTypes.OCI_INDEX);
                }),
                arguments("duplicate keys", 400, "MANIFEST_INVALID", put("v1",
                        "{\"schemaVersion\":2,\"schemaVersion\":2,\"manifests\":[]}", MediaTypes.OCI_INDEX)),
                arguments("bad digest in a layer", 400, "MANIFEST_INVALID", put("v1",
                        "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"a/b\",\"digest\":\"sha256:abc\",\"size\":1},\"layers\":[]}",
                        MediaTypes.OCI_MANIFEST)),
                arguments("config missing", 400, "MANIFEST_INVALID", put("v1",
                        "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"layers\":[]}",
                        MediaTypes.OCI_MANIFEST)),
                arguments("one byte over 4 MiB", 413, "MANIFEST_INVALID", put("v1", "x".repeat(LIMIT + 1), MediaTypes.OCI_MANIFEST)),
                arguments("5 MiB", 413, "MANIFEST_INVALID", put("v1", "x".repeat(LIMIT + 1024 * 1024), MediaTypes.OCI_MANIFEST)),
                arguments("wrong digest in the URL", 400, "DIGEST_INVALID", (Attempt) http -> {
                    Image image = TestImages.ociImage();
                    image.blobs().forEach(b -> http.pushBlob(REPO, b));
                    return http.putManifest(REPO, Digest.sha256(new byte[]{1}).toString(), image.bytes(), image.mediaType());
                }),
                arguments("malformed digest in the URL", 400, "DIGEST_INVALID",
                        put("sha256:abc", new String(TestImages.ociImage().bytes(), StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST)),
                arguments("unsupported digest algorithm", 400, "DIGEST_INVALID",
                        put("md5:d41d8cd98f00b204e9800998ecf8427e",
                                new String(TestImages.ociImage().bytes(), StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST)),
                arguments("tag starting with a dash", 400, "TAG_INVALID", pushedAs("-v1")),
                arguments("tag starting with a dot", 400, "TAG_INVALID", pushedAs(".v1")),
                arguments("tag of 129 characters", 400, "TAG_INVALID", pushedAs("a".repeat(129))),
                arguments("tag with a bang", 400, "TAG_INVALID", pushedAs("v1!")),
                arguments("tag with an encoded space", 400, "TAG_INVALID", pushedAs("v%201")),
                arguments("invalid extra ?tag=", 400, "TAG_INVALID", (Attempt) http -> {
                    Image image = TestImages.ociImage();
                    image.blobs().forEach(b -> http.pushBlob(REPO, b));
                    return http.putManifest(REPO, image.digest() + "?tag=ok&tag=-no", image.bytes(), image.mediaType());
                }));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("refusedPuts")
    void refusedManifestPutsAnswerTheirErrorAndStoreNothing(String name, int status, String code, Attempt attempt) {
        Reply reply = attempt.send(http);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.errorCode()).as(reply.toString()).isEqualTo(code);
        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        assertNothingTagged();
    }

    @Test
    void manifestReferencingAMissingLayerIsManifestBlobUnknownWithTheDigest() {
        Image image = TestImages.image(MediaTypes.OCI_MANIFEST, 2, 10);
        http.pushBlob(REPO, image.blobs().get(0));
        http.pushBlob(REPO, image.blobs().get(1));
        Digest missing = image.blobs().get(2).digest();

        Reply reply = http.putManifest(REPO, "v1", image.bytes(), image.mediaType()).expect(400);

        assertThat(reply.errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
        assertThat(reply.error().path("detail").path("digest").asText()).isEqualTo(missing.toString());
        assertNothingTagged();
    }

    @Test
    void manifestReferencingAMissingConfigIsManifestBlobUnknownWithTheDigest() {
        Image image = TestImages.dockerImage();
        http.pushBlob(REPO, image.blobs().get(1));

        Reply reply = http.putManifest(REPO, "v1", image.bytes(), image.mediaType()).expect(400);

        assertThat(reply.errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
        assertThat(reply.error().path("detail").path("digest").asText()).isEqualTo(image.blobs().get(0).digest().toString());
    }

    @Test
    void manifestReferencingABlobOfAnotherRepositoryIsManifestBlobUnknown() {
        Image image = TestImages.ociImage();
        image.blobs().forEach(b -> http.pushBlob("bob/other", b));

        Reply reply = http.putManifest(REPO, "v1", image.bytes(), image.mediaType()).expect(400);

        assertThat(reply.errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST})
    void indexWithAMissingChildIsManifestBlobUnknownWithTheChildDigest(String mediaType) {
        Image index = TestImages.ofType(mediaType);
        Image present = index.children().get(0);
        Image absent = index.children().get(1);
        http.pushImage(REPO, present.digest().toString(), present);
        absent.blobs().forEach(b -> http.pushBlob(REPO, b));

        Reply reply = http.putManifest(REPO, "v1", index.bytes(), mediaType).expect(400);

        assertThat(reply.errorCode()).isEqualTo("MANIFEST_BLOB_UNKNOWN");
        assertThat(reply.error().path("detail").path("digest").asText()).isEqualTo(absent.digest().toString());
        assertNothingTagged();
    }

    @Test
    void refusedPutLeavesTheTagOnItsPreviousManifest() {
        Image before = TestImages.ociImage();
        http.pushImage(REPO, "v1", before);
        Image broken = TestImages.ociImage();

        http.putManifest(REPO, "v1", broken.bytes(), broken.mediaType()).expect(400);

        assertThat(http.getManifest(REPO, "v1").expect(200).body()).isEqualTo(before.bytes());
        assertThat(http.getManifest(REPO, broken.digest().toString()).status()).isEqualTo(404);
    }

    @Test
    void deleteByTagIsUnsupported() {
        Image image = TestImages.ociImage();
        http.pushImage(REPO, "v1", image);

        Reply reply = http.delete("/v2/" + REPO + "/manifests/v1").expect(405);

        assertThat(reply.errorCode()).isEqualTo("UNSUPPORTED");
        assertThat(http.getManifest(REPO, "v1").expect(200).body()).isEqualTo(image.bytes());
    }

    @Test
    void deleteOfAnUnknownDigestIsManifestUnknown() {
        http.pushImage(REPO, "v1", TestImages.ociImage());

        Reply reply = http.delete("/v2/" + REPO + "/manifests/" + Digest.sha256(new byte[3])).expect(404);

        assertThat(reply.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void deleteTwiceIsManifestUnknownTheSecondTime() {
        Image image = TestImages.ociImage();
        http.pushImage(REPO, "v1", image);

        http.delete("/v2/" + REPO + "/manifests/" + image.digest()).expect(202);

        assertThat(http.delete("/v2/" + REPO + "/manifests/" + image.digest()).expect(404).errorCode()).isEqualTo("MANIFEST_UNKNOWN");
    }

    @Test
    void deleteWithAMalformedDigestIsDigestInvalid() {
        http.pushImage(REPO, "v1", TestImages.ociImage());

        assertThat(http.delete("/v2/" + REPO + "/manifests/sha256:nothex").expect(400).errorCode()).isEqualTo("DIGEST_INVALID");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v1", "nope", "sha256:0000000000000000000000000000000000000000000000000000000000000000"})
    void unknownManifestsAreManifestUnknown(String reference) {
        http.pushImage(REPO, "other", TestImages.dockerImage());

        Reply get = http.getManifest(REPO, reference).expect(404);
        Reply head = http.head("/v2/" + REPO + "/manifests/" + reference).expect(404);
        Reply inUnknownRepository = http.getManifest("nobody/here", reference).expect(404);

        assertThat(get.errorCode()).isEqualTo("MANIFEST_UNKNOWN");
        assertThat(head.body()).isEmpty();
        assertThat(inUnknownRepository.errorCode()).isIn("MANIFEST_UNKNOWN", "NAME_UNKNOWN");
    }

    private void assertNothingTagged() {
        Reply tags = http.get("/v2/" + REPO + "/tags/list");
        if (tags.status() == 200) {
            assertThat(tags.json().path("tags")).as(tags.toString()).isEmpty();
        } else {
            assertThat(tags.errorCode()).isEqualTo("NAME_UNKNOWN");
        }
    }

    private static Attempt put(String reference, String body, String contentType) {
        return http -> http.putManifest(REPO, reference, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A valid image, blobs present, pushed under this (bad) tag. */
    private static Attempt pushedAs(String tag) {
        return http -> {
            Image image = TestImages.ociImage();
            image.blobs().forEach(b -> http.pushBlob(REPO, b));
            return http.putManifest(REPO, tag, image.bytes(), image.mediaType());
        };
    }
}
