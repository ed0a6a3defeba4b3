package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.oci.InvalidLayoutException;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.PushOptions;
import dev.hubsim.core.registry.PushedImage;
import dev.hubsim.core.registry.RegistryClient;
import dev.hubsim.core.registry.TransferEvent;
import dev.hubsim.simulator.realclient.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image pushes from an OCI layout with the client, against the simulator over real HTTP with token auth. */
class ImagePushSimulatorTest {
    @TempDir
    static Path work;
    private static ClientHub hub;
    private static DockerHubClient alice;
    private static OciLayout layout;

    @BeforeAll
    static void start() {
        hub = ClientHub.start();
        alice = hub.alice().build();
        layout = OciLayout.write(work.resolve("layout"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void pushesAnImageFromALayoutAndItReadsBackByteIdentical() throws IOException {
        PushedImage pushed = alice.images().push(layout.directory(), OciLayout.IMAGE_TAG,
                ImageReference.parse("alice/pushed:v1"));

        assertThat(pushed.digest()).hasToString(layout.image().digest());
        assertThat(pushed.uploaded()).isEqualTo(4);
        assertThat(pushed.bytes()).isEqualTo(layout.image().blobDigests().stream().mapToLong(d -> layout.blob(d).length).sum());
        assertRegistryHolds("alice/pushed", "v1", layout.image());
    }

    @Test
    void blobsTheRepositoryHasAreSkippedAfterAHead() {
        ImageReference target = ImageReference.parse("alice/twice:v1");
        alice.images().push(layout.directory(), OciLayout.IMAGE_TAG, target);
        hub.requests.clear();

        PushedImage again = alice.images().push(layout.directory(), OciLayout.IMAGE_TAG, target.withTag("v2"));

        assertThat(again.uploaded()).isZero();
        assertThat(again.skipped()).isEqualTo(4);
        assertThat(hub.requests).filteredOn(r -> r.startsWith("HEAD /v2/alice/twice/blobs/")).hasSize(4);
        assertThat(hub.requests).noneMatch(r -> r.contains("/blobs/uploads/"));
        assertThat(alice.registry().listTags("alice/twice")).containsExactlyInAnyOrder("v1", "v2");
    }

    @Test
    void blobsAreMountedFromTheSourceRepositoryNamed() throws IOException {
        alice.images().push(layout.directory(), OciLayout.IMAGE_TAG, ImageReference.parse("alice/source:v1"));
        hub.requests.clear();

        PushedImage copy = alice.images().push(layout.directory(), OciLayout.IMAGE_TAG,
                ImageReference.parse("alice/copy:v1"), PushOptions.defaults().withMountFrom("alice/source"));

        assertThat(copy.mounted()).isEqualTo(4);
        assertThat(copy.uploaded()).isZero();
        assertThat(hub.requests).filteredOn(r -> r.startsWith("POST /v2/alice/copy/blobs/uploads/?mount=")).hasSize(4);
        assertThat(hub.requests).noneMatch(r -> r.startsWith("PATCH ") || r.startsWith("PUT /v2/alice/copy/blobs/"));
        assertRegistryHolds("alice/copy", "v1", layout.image());
    }

    @Test
    void blobsLargerThanAChunkAreStreamedInOnePatchEachAndSmallerOnesGoWhole() throws IOException {
        int chunkSize = 8 * 1024;
        DockerHubClient chunky = alice.newBuilder().chunkSize(chunkSize).build();
        List<String> blobs = layout.image().blobDigests();
        long large = blobs.stream().filter(d -> layout.blob(d).length >= chunkSize).count();
        assertThat(large).as("the image has blobs on both sides of the chunk size").isBetween(1L, blobs.size() - 1L);
        hub.requests.clear();

        chunky.images().push(layout.directory(), OciLayout.IMAGE_TAG, ImageReference.parse("alice/chunked:v1"));

        assertThat(hub.requests).filteredOn(r -> r.startsWith("PATCH /v2/alice/chunked/blobs/uploads/"))
                .hasSize((int) large);
        assertThat(hub.requests).filteredOn(r -> r.startsWith("PUT /v2/alice/chunked/blobs/uploads/"))
                .hasSize(blobs.size());
        assertRegistryHolds("alice/chunked", "v1", layout.image());
    }

    @Test
    void aLayoutBlobWhoseBytesDoNotMatchItsDigestIsRefusedByTheRegistryAndNothingIsTagged() throws IOException {
        OciLayout corrupt = OciLayout.write(work.resolve("corrupt"));
        String layer = corrupt.image().layerDigests().get(0);
        byte[] other = corrupt.blob(layer);
        other[other.length / 2] ^= 0x55;
        Files.write(corrupt.directory().resolve("blobs/sha256/" + Digest.parse(layer).hex()), other);
        DockerHubClient chunky = alice.newBuilder().chunkSize(8 * 1024).build();

        assertThatThrownBy(() -> chunky.images().push(corrupt.directory(), OciLayout.IMAGE_TAG,
                ImageReference.parse("alice/corrupt:v1")))
                .isInstanceOfSatisfying(RegistryErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.codes()).containsExactly(RegistryErrorCode.DIGEST_INVALID);
                    assertThat(e.operation()).isEqualTo("push blob " + layer);
                    assertThat(e.target()).isEqualTo("docker.io/alice/corrupt:v1");
                });
        assertThat(alice.registry().checkBlob("alice/corrupt", Digest.parse(layer))).isEmpty();
        assertThat(alice.registry().checkManifest(ImageReference.parse("alice/corrupt:v1"))).isEmpty();
    }

    @Test
    void anIndexIsPushedAfterItsChildrenWithEveryPlatform() throws IOException {
        hub.requests.clear();

        PushedImage pushed = alice.images().push(layout.directory(), OciLayout.INDEX_TAG,
                ImageReference.parse("alice/multi:v1"));

        assertThat(pushed.digest()).hasToString(layout.indexDigest());
        List<String> manifestPuts = hub.requests.stream().filter(r -> r.startsWith("PUT /v2/alice/multi/manifests/")).toList();
        assertThat(manifestPuts).containsExactly(
                "PUT /v2/alice/multi/manifests/" + layout.amd64().digest(),
                "PUT /v2/alice/multi/manifests/" + layout.arm64().digest(),
                "PUT /v2/alice/multi/manifests/v1");
        assertThat(alice.registry().getManifest(ImageReference.parse("alice/multi:v1")).bytes()).isEqualTo(layout.index());
        assertRegistryHolds("alice/multi", "v1@" + layout.amd64().digest(), layout.amd64());
        assertRegistryHolds("alice/multi", "v1@" + layout.arm64().digest(), layout.arm64());
    }

    @Test
    void progressTotalsCountUploadedAndSkippedBlobs() {
        ImageReference target = ImageReference.parse("alice/progress:v1");
        long size = layout.image().blobDigests().stream().mapToLong(d -> layout.blob(d).length).sum();
        List<TransferEvent> first = new ArrayList<>();
        List<TransferEvent> second = new ArrayList<>();

        alice.images().push(layout.directory(), OciLayout.IMAGE_TAG, target, PushOptions.defaults().withListener(first::add));
        alice.images().push(layout.directory(), OciLayout.IMAGE_TAG, target, PushOptions.defaults().withListener(second::add));

        assertThat(first).extracting(TransferEvent::totalBytes).isSorted();
        assertThat(first.get(first.size() - 1).totalBytes()).isEqualTo(size);
        assertThat(first).filteredOn(e -> e.kind() == TransferEvent.Kind.COMPLETED).hasSize(4);
        assertThat(second).extracting(TransferEvent::kind).containsOnly(TransferEvent.Kind.SKIPPED).hasSize(4);
        assertThat(second.get(second.size() - 1).totalBytes()).isEqualTo(size);
    }

    @Test
    void anImageTheLayoutDoesNotNameIsAClearError() {
        assertThatThrownBy(() -> alice.images().push(layout.directory(), "nope", ImageReference.parse("alice/x:v1")))
                .isInstanceOf(InvalidLayoutException.class)
                .hasMessageContaining("no image named 'nope'")
                .hasMessageContaining(OciLayout.IMAGE_TAG).hasMessageContaining(OciLayout.INDEX_TAG);
    }

    /** The registry serves the manifest under {@code reference} and every blob byte-identical to the layout. */
    private static void assertRegistryHolds(String repository, String reference, OciLayout.Image image) throws IOException {
        RegistryClient registry = alice.registry();
        assertThat(registry.getManifest(ImageReference.parse(repository + ":" + reference)).bytes())
                .isEqualTo(image.manifest());
        for (String digest : image.blobDigests()) {
            try (InputStream in = registry.openBlob(repository, Digest.parse(digest))) {
                assertThat(in.readAllBytes()).isEqualTo(layout.blob(digest));
            }
        }
    }
}
