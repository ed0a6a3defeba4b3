package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.DigestMismatchException;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.PulledImage;
import dev.hubsim.core.registry.PushOptions;
import dev.hubsim.core.registry.PushedImage;
import dev.hubsim.core.registry.TransferEvent;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.FaultStatus;
import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.journal.JournalEntry;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image pulls and pushes meeting faults the simulator injects: resets resume, wrong bytes and 503s fail typed. */
class ImageTransferFaultTest {
    private static final int LAYER_SIZE = 200_000;
    private static ClientHub hub;
    private static DockerHubClient alice;
    private static Image image;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        hub = ClientHub.start();
        alice = hub.alice().build();
        image = TestImages.image(MediaTypes.OCI_MANIFEST, 2, LAYER_SIZE);
        hub.push("alice/faulty", "v1", image);
    }

    @AfterEach
    void clearFaults() {
        hub.simulator.faults().clear();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void aConnectionResetMidDownloadIsResumedAndTheBytesAreIdentical() {
        Blob layer = image.blobs().get(1);
        hub.simulator.faults().add(FaultRule.when().method("GET").operation(Operation.BLOB_GET)
                .path("/v2/alice/faulty/blobs/" + layer.digest()).once().resetAfter(LAYER_SIZE / 2));
        hub.requests.clear();

        PulledImage pulled = alice.images().pull(ImageReference.parse("alice/faulty:v1"), work.resolve("reset"));

        assertThat(fired()).isEqualTo(1);
        assertThat(hub.requests).filteredOn(r -> r.equals("GET /v2/alice/faulty/blobs/" + layer.digest())).hasSize(2);
        OciImageLayout layout = OciImageLayout.open(work.resolve("reset"));
        image.blobs().forEach(blob -> assertThat(layout.readBlob(blob.digest())).isEqualTo(blob.bytes()));
        assertThat(pulled.bytes()).isEqualTo(image.blobs().stream().mapToLong(Blob::size).sum());
    }

    @Test
    void aConnectionResetMidUploadIsResumedAndThePushSucceeds() {
        Path source = pulledLayout("source");
        DockerHubClient chunky = chunkyClient();
        hub.simulator.faults().add(FaultRule.when().method("PATCH").operation(Operation.BLOB_UPLOAD)
                .repository("alice/resumed").after(1).once().reset());

        PushedImage pushed = chunky.images().push(source, "v1", ImageReference.parse("alice/resumed:v1"));

        assertThat(fired()).isEqualTo(1);
        assertThat(pushed.digest()).isEqualTo(image.digest());
        alice.images().pull(ImageReference.parse("alice/resumed:v1"), work.resolve("back"));
        OciImageLayout back = OciImageLayout.open(work.resolve("back"));
        image.blobs().forEach(blob -> assertThat(back.readBlob(blob.digest())).isEqualTo(blob.bytes()));
    }

    @Test
    void aRefusedPatchIsSentAgainFromTheRegistrysOffsetAndTheProgressCountsEveryByteOnce() {
        Path source = pulledLayout("refused-source");
        DockerHubClient chunky = chunkyClient();
        hub.simulator.faults().add(FaultRule.when().method("PATCH").operation(Operation.BLOB_UPLOAD)
                .repository("alice/refused").once().respond(RegistryErrorCode.UNAVAILABLE));
        List<TransferEvent> events = new CopyOnWriteArrayList<>();
        hub.requests.clear();
        hub.simulator.journal().clear();

        PushedImage pushed = chunky.images().push(source, "v1", ImageReference.parse("alice/refused:v1"),
                PushOptions.defaults().withListener(events::add));

        assertThat(fired()).isEqualTo(1);
        assertThat(pushed.digest()).isEqualTo(image.digest());
        long layers = image.blobs().stream().filter(blob -> blob.size() >= 64 * 1024).count();
        List<JournalEntry> patches = hub.simulator.journal().entries().stream()
                .filter(entry -> entry.method().equals("PATCH") && "alice/refused".equals(entry.repository())).toList();
        // One streamed PATCH per layer, and the refused one again; chunks of 64 KiB would be four per layer. OkHttp
        // may send the refused one twice: the registry answers before reading the body and closes the connection.
        assertThat(patches).as("PATCHes the registry received: %s", patches)
                .hasSizeBetween((int) layers + 1, (int) layers + 2);
        assertThat(patches).filteredOn(entry -> entry.fault() != null).hasSize(1);
        // the status says where to resume (the retry layer may ask twice: the refused PATCH's connection can be closed)
        assertThat(hub.requests).filteredOn(r -> r.startsWith("GET /v2/alice/refused/blobs/uploads/")).isNotEmpty();
        long size = image.blobs().stream().mapToLong(Blob::size).sum();
        assertThat(events).extracting(TransferEvent::totalBytes).isSorted().last().isEqualTo(size);
        alice.images().pull(ImageReference.parse("alice/refused:v1"), work.resolve("refused-back"));
        OciImageLayout back = OciImageLayout.open(work.resolve("refused-back"));
        image.blobs().forEach(blob -> assertThat(back.readBlob(blob.digest())).isEqualTo(blob.bytes()));
    }

    @Test
    void aBlobWithOtherBytesFailsThePullAndLeavesNothingOfItInTheLayout() throws IOException {
        Blob layer = image.blobs().get(2);
        hub.simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET)
                .path("/v2/alice/faulty/blobs/" + layer.digest()).digestMismatch());
        Path directory = work.resolve("mismatch");

        assertThatThrownBy(() -> alice.images().pull(ImageReference.parse("alice/faulty:v1"), directory))
                .isInstanceOfSatisfying(DigestMismatchException.class, e -> {
                    assertThat(e.expected()).isEqualTo(layer.digest());
                    assertThat(e.target()).isEqualTo("docker.io/alice/faulty:v1");
                    assertThat(e.operation()).contains(layer.digest().toString());
                });
        OciImageLayout layout = OciImageLayout.open(directory);
        assertThat(layout.hasBlob(layer.digest())).isFalse();
        assertThat(layout.manifests()).isEmpty();
        try (Stream<Path> files = Files.walk(directory.resolve("blobs"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp"))
                    .doesNotContain(layer.digest().hex());
        }
    }

    @Test
    void aServiceUnavailableManifestIsATypedErrorNamingTheImage() {
        hub.simulator.faults().add(FaultRule.when().operation(Operation.MANIFEST_GET).repository("alice/faulty")
                .respond(RegistryErrorCode.UNAVAILABLE));

        assertThatThrownBy(() -> alice.images().pull(ImageReference.parse("alice/faulty:v1"), work.resolve("503")))
                .isInstanceOfSatisfying(RegistryErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.has(RegistryErrorCode.UNAVAILABLE)).isTrue();
                    assertThat(e.target()).isEqualTo("alice/faulty");
                    assertThat(e.getMessage()).contains("get manifest v1");
                });
    }

    /** The image pulled into a layout under {@code directory}, to push from. */
    private Path pulledLayout(String directory) {
        Path layout = work.resolve(directory);
        alice.images().pull(ImageReference.parse("alice/faulty:v1"), layout);
        return layout;
    }

    /** Alice's client with 64 KiB upload chunks, so a blob takes several PATCHes. */
    private DockerHubClient chunkyClient() {
        return alice.newBuilder().chunkSize(64 * 1024).build();
    }

    private static long fired() {
        return hub.simulator.faults().list().stream().mapToLong(FaultStatus::fired).sum();
    }
}
