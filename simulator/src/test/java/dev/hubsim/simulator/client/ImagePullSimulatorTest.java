package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.NoMatchingPlatformException;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.PullOptions;
import dev.hubsim.core.registry.PulledImage;
import dev.hubsim.core.registry.TransferEvent;
import dev.hubsim.core.testing.Skopeo;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image pulls into OCI layouts with the client, against the simulator over real HTTP with token auth. */
class ImagePullSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ClientHub hub;
    private static DockerHubClient alice;
    private static Image single;
    private static Image index;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        hub = ClientHub.start();
        alice = hub.alice().build();
        single = TestImages.image(MediaTypes.OCI_MANIFEST, 3, 100_000);
        hub.push("alice/single", "v1", single);
        List<Image> children = new ArrayList<>();
        for (int i = 0; i < TestImages.PLATFORMS.size(); i++) {
            children.add(TestImages.image(MediaTypes.OCI_MANIFEST, 2, 20_000));
        }
        index = TestImages.index(MediaTypes.OCI_INDEX, children.toArray(Image[]::new));
        hub.push("alice/multi", "v2", index);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void pullsAnImageIntoALayoutByteIdenticalAndNamedByItsTag() {
        Path layout = work.resolve("layout");

        PulledImage pulled = alice.images().pull(ImageReference.parse("alice/single:v1"), layout);

        assertThat(pulled.name()).isEqualTo("v1");
        assertThat(pulled.manifest().digest()).isEqualTo(single.digest());
        assertThat(pulled.downloaded()).isEqualTo(4);
        assertThat(pulled.bytes()).isEqualTo(single.blobs().stream().mapToLong(Blob::size).sum());
        OciImageLayout oci = OciImageLayout.open(layout);
        assertThat(oci.find("v1")).hasValueSatisfying(d -> {
            assertThat(d.digest()).isEqualTo(single.digest());
            assertThat(d.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
            assertThat(d.size()).isEqualTo(single.size());
        });
        assertThat(oci.readBlob(single.digest())).isEqualTo(single.bytes());
        single.blobs().forEach(blob -> assertThat(oci.readBlob(blob.digest())).isEqualTo(blob.bytes()));
    }

    @Test
    void pullsOnePlatformOfAnIndexAndNamesThatPlatformsManifest() {
        Path layout = work.resolve("arm64");
        Image arm64 = index.child("linux/arm64");

        PulledImage pulled = alice.images().pull(ImageReference.parse("alice/multi:v2"), layout,
                PullOptions.defaults().withPlatform(Platform.parse("linux/arm64")).withName("arm"));

        OciImageLayout oci = OciImageLayout.open(layout);
        assertThat(pulled.manifest().digest()).isEqualTo(arm64.digest());
        assertThat(pulled.manifest().platform()).hasToString("linux/arm64");
        assertThat(oci.find("arm")).hasValueSatisfying(d -> assertThat(d.digest()).isEqualTo(arm64.digest()));
        assertThat(blobFiles(layout)).containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of(arm64.digest()),
                arm64.blobs().stream().map(Blob::digest)).map(Digest::hex).toList());
    }

    @Test
    void theDefaultPlatformIsTheOneThisJvmRunsOn() {
        Platform running = Platform.ofRuntime(System.getProperty("os.name"), System.getProperty("os.arch"));
        int position = TestImages.PLATFORMS.indexOf(running.toString());
        // The test index holds linux/amd64 and linux/arm64 images; on any other machine there is no default to pick
        // (CI runs on linux/amd64, so this never skips there; the other platforms are covered by explicit choice).
        assumeTrue(position >= 0, "the test index has no " + running + " entry");

        PulledImage pulled = alice.images().pull(ImageReference.parse("alice/multi:v2"), work.resolve("default"));

        assertThat(pulled.manifest().digest()).isEqualTo(index.children().get(position).digest());
    }

    @Test
    void pullsEveryPlatformAndTheIndexWhenAskedForAll() {
        Path layout = work.resolve("all");

        PulledImage pulled = alice.images().pull(ImageReference.parse("alice/multi:v2"), layout,
                PullOptions.defaults().withAllPlatforms());

        OciImageLayout oci = OciImageLayout.open(layout);
        assertThat(pulled.manifest().digest()).isEqualTo(index.digest());
        assertThat(oci.find("v2")).hasValueSatisfying(d -> assertThat(d.mediaType()).isEqualTo(MediaTypes.OCI_INDEX));
        assertThat(oci.readBlob(index.digest())).isEqualTo(index.bytes());
        for (Image child : index.children()) {
            assertThat(oci.readBlob(child.digest())).isEqualTo(child.bytes());
            child.blobs().forEach(blob -> assertThat(oci.readBlob(blob.digest())).isEqualTo(blob.bytes()));
        }
        assertThat(pulled.downloaded()).isEqualTo(TestImages.PLATFORMS.size() * 3);
    }

    @Test
    void aPlatformTheIndexLacksIsATypedErrorListingTheOnesItHas() {
        Path layout = work.resolve("none");

        assertThatThrownBy(() -> alice.images().pull(ImageReference.parse("alice/multi:v2"), layout,
                PullOptions.defaults().withPlatform(Platform.parse("linux/s390x"))))
                .isInstanceOfSatisfying(NoMatchingPlatformException.class, e -> {
                    assertThat(e.wanted()).isEqualTo("linux/s390x");
                    assertThat(e.available()).containsExactlyElementsOf(TestImages.PLATFORMS);
                    assertThat(e.target()).isEqualTo("docker.io/alice/multi:v2");
                });
        assertThat(layout).doesNotExist();
    }

    @Test
    void blobsTheLayoutHasAreNotDownloadedAgain() {
        Path layout = work.resolve("again");
        ImageReference reference = ImageReference.parse("alice/single:v1");
        alice.images().pull(reference, layout);
        hub.requests.clear();

        PulledImage again = alice.images().pull(reference, layout, PullOptions.defaults().withName("again"));

        assertThat(again.downloaded()).isZero();
        assertThat(again.skipped()).isEqualTo(4);
        assertThat(hub.requests).noneMatch(r -> r.startsWith("GET /v2/alice/single/blobs/"));
        assertThat(OciImageLayout.open(layout).manifests()).extracting(d -> d.annotations().get(OciImageLayout.REF_NAME))
                .containsExactly("v1", "again");
    }

    @Test
    void progressReportsEveryBlobAndTotalsThatReachTheImageSize() {
        List<TransferEvent> events = new ArrayList<>();
        long size = single.blobs().stream().mapToLong(Blob::size).sum();

        alice.images().pull(ImageReference.parse("alice/single:v1"), work.resolve("progress"),
                PullOptions.defaults().withConcurrency(2).withListener(events::add));

        assertThat(events).allSatisfy(e -> assertThat(e.totalSize()).isEqualTo(size));
        assertThat(events).extracting(TransferEvent::totalBytes).isSorted();
        assertThat(events.get(events.size() - 1).totalBytes()).isEqualTo(size);
        assertThat(events).filteredOn(e -> e.kind() == TransferEvent.Kind.COMPLETED)
                .extracting(TransferEvent::blob).containsExactlyInAnyOrderElementsOf(
                        single.blobs().stream().map(Blob::digest).toList());
        assertThat(events).filteredOn(e -> e.kind() == TransferEvent.Kind.COMPLETED)
                .allSatisfy(e -> assertThat(e.blobBytes()).isEqualTo(e.blobSize()));
        assertThat(events).filteredOn(e -> e.kind() == TransferEvent.Kind.PROGRESS).isNotEmpty()
                .allSatisfy(e -> assertThat(e.blobBytes()).isBetween(1L, e.blobSize()));
    }

    @Test
    void skopeoReadsTheLayoutTheClientWrote() throws IOException {
        Path layout = work.resolve("for-skopeo");
        alice.images().pull(ImageReference.parse("alice/single:v1"), layout);
        Skopeo skopeo = Skopeo.require(Files.createDirectories(work.resolve("skopeo-home")));
        String source = "oci:" + layout.toAbsolutePath() + ":v1";

        JsonNode inspected = JSON.readTree(skopeo.run("inspect", source).orFail().stdout());
        Path out = work.resolve("copied");
        skopeo.run("copy", "--preserve-digests", source, "dir:" + out).orFail();

        assertThat(inspected.path("Digest").asText()).isEqualTo(single.digest().toString());
        assertThat(inspected.path("Layers")).hasSize(3);
        assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(single.bytes());
        for (Blob blob : single.blobs()) {
            assertThat(Files.readAllBytes(out.resolve(blob.digest().hex()))).isEqualTo(blob.bytes());
        }
    }

    /** The hex names of the files under blobs/sha256 of a layout. */
    static Set<String> blobFiles(Path layout) {
        try (Stream<Path> files = Files.list(layout.resolve("blobs").resolve("sha256"))) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
