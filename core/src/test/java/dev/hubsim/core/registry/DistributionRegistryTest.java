package dev.hubsim.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The client against the CNCF reference registry (distribution), run by the test on a loopback port. */
class DistributionRegistryTest extends AgainstDistributionRegistry {
    @Test
    void blobsPushedMonolithicAndChunkedReadBackByteIdentical() throws IOException {
        byte[] small = random(1000);
        byte[] large = random(64 * 1024 * 3 + 17);
        Path file = Files.write(directory.resolve("large.bin"), large);

        Digest smallDigest = client.registry().pushBlob("it/blobs", BlobContent.of(small));
        Digest largeDigest = client.registry().pushBlob("it/blobs", Digest.sha256(large), BlobContent.of(file));

        assertThat(smallDigest).isEqualTo(Digest.sha256(small));
        assertThat(read("it/blobs", smallDigest)).isEqualTo(small);
        assertThat(read("it/blobs", largeDigest)).isEqualTo(large);
        assertThat(client.registry().checkBlob("it/blobs", largeDigest)).contains(new BlobInfo(largeDigest, large.length));
    }

    @Test
    void manifestPushedReadsBackByteIdenticalAndCanBeDeleted() {
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        byte[] layer = random(5000);
        Digest configDigest = client.registry().pushBlob("it/image", BlobContent.of(config));
        Digest layerDigest = client.registry().pushBlob("it/image", BlobContent.of(layer));
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{"
                + "\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + configDigest + "\",\"size\":"
                + config.length + "},\"layers\":[{\"mediaType\":\"" + MediaTypes.OCI_LAYER_GZIP + "\",\"digest\":\""
                + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        ImageReference tagged = ImageReference.parse("it/image:v1");

        Digest pushed = client.registry().putManifest(tagged, MediaTypes.OCI_MANIFEST, manifest);
        FetchedManifest fetched = client.registry().getManifest(tagged);

        assertThat(pushed).isEqualTo(Digest.sha256(manifest));
        assertThat(fetched.bytes()).isEqualTo(manifest);
        assertThat(fetched.manifest().layers()).singleElement().satisfies(d -> assertThat(d.digest()).isEqualTo(layerDigest));
        assertThat(client.registry().getManifest(ImageReference.parse("it/image@" + pushed)).bytes()).isEqualTo(manifest);
        assertThat(client.registry().checkManifest(tagged)).contains(new ManifestInfo(pushed, MediaTypes.OCI_MANIFEST,
                manifest.length));

        client.registry().deleteManifest(ImageReference.parse("it/image@" + pushed));

        assertThat(client.registry().checkManifest(tagged)).isEmpty();
        assertThatThrownBy(() -> client.registry().getManifest(tagged))
                .isInstanceOfSatisfying(RegistryErrorException.class,
                        e -> assertThat(e.has(RegistryErrorCode.MANIFEST_UNKNOWN)).isTrue());
    }

    /**
     * Debian's distribution 2.8.2 ignores {@code n} on tags/list (pagination came with distribution 3), so this checks
     * that a page request to a registry that answers everything at once, without a Link, still lists every tag.
     * Link-following is covered by the MockWebServer and simulator tests.
     */
    @Test
    void tagsAreListedWhenTheRegistryAnswersInOnePage() {
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        Digest configDigest = client.registry().pushBlob("it/tags", BlobContent.of(config));
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":{"
                + "\"mediaType\":\"" + MediaTypes.OCI_CONFIG + "\",\"digest\":\"" + configDigest + "\",\"size\":2},"
                + "\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
        List<String> tags = IntStream.range(0, 7).mapToObj(i -> "t" + i).toList();
        tags.forEach(tag -> client.registry().putManifest(ImageReference.parse("it/tags:" + tag), MediaTypes.OCI_MANIFEST, manifest));

        assertThat(client.registry().listTags("it/tags", 3)).containsExactlyInAnyOrderElementsOf(tags);
        assertThat(client.registry().listTags("it/tags")).containsExactlyInAnyOrderElementsOf(tags);
    }

    @Test
    void crossRepositoryMountLinksAnExistingBlob() throws IOException {
        byte[] blob = random(2048);
        Digest digest = client.registry().pushBlob("it/source", BlobContent.of(blob));

        MountOutcome outcome = client.registry().mountBlob("it/target", digest, "it/source",
                () -> { throw new IOException("the fallback must not be read when the mount works"); });

        assertThat(outcome).isEqualTo(MountOutcome.MOUNTED);
        assertThat(read("it/target", digest)).isEqualTo(blob);
    }

    private static byte[] read(String repository, Digest digest) throws IOException {
        try (InputStream in = client.registry().openBlob(repository, digest)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
