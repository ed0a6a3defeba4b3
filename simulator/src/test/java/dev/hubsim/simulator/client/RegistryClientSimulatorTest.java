package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.core.registry.BlobInfo;
import dev.hubsim.core.registry.FetchedManifest;
import dev.hubsim.core.registry.ManifestInfo;
import dev.hubsim.core.registry.MountOutcome;
import dev.hubsim.core.registry.RegistryClient;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every registry operation of the client against the simulator, over real HTTP with Docker Hub's token auth. */
class RegistryClientSimulatorTest {
    private static final int LAYER_SIZE = 300;
    private static ClientHub hub;
    private static DockerHubClient alice;

    @BeforeAll
    static void start() {
        hub = ClientHub.start();
        alice = hub.alice().build();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anonymousClientPullsAPublicImageAndVerifiesEveryBlob() throws IOException {
        RegistryClient registry = hub.anonymous().build().registry();
        ImageReference nginx = ImageReference.parse("nginx:1.0");

        FetchedManifest manifest = registry.getManifest(nginx);

        assertThat(manifest.manifest().layers()).hasSize(2);
        for (Descriptor blob : manifest.manifest().blobReferences()) {
            assertThat(registry.checkBlob("library/nginx", blob.digest())).contains(new BlobInfo(blob.digest(), blob.size()));
            try (InputStream in = registry.openBlob("library/nginx", blob.digest())) {
                assertThat(Digest.sha256(in.readAllBytes())).isEqualTo(blob.digest());
            }
        }
        assertThat(registry.checkManifest(nginx)).contains(new ManifestInfo(manifest.digest(), manifest.mediaType(),
                manifest.size()));
        assertThat(registry.listTags("library/nginx")).containsExactly("1.0");
    }

    @ParameterizedTest(name = "chunk size {0}")
    @ValueSource(ints = {1, 7, LAYER_SIZE - 1, LAYER_SIZE, LAYER_SIZE + 1, 1024 * 1024})
    void pushesAndPullsByteIdenticalWithAnyChunkSize(int chunkSize, @TempDir Path dir) throws IOException {
        RegistryClient registry = alice.newBuilder().chunkSize(chunkSize).build().registry();
        Blob config = TestImages.config(MediaTypes.OCI_CONFIG);
        Blob layer = TestImages.layer(LAYER_SIZE);
        Image image = TestImages.image(MediaTypes.OCI_MANIFEST, config, layer);
        String repository = "alice/chunks-" + chunkSize;

        assertThat(registry.pushBlob(repository, BlobContent.of(config.bytes()))).isEqualTo(config.digest());
        Path file = Files.write(dir.resolve("layer"), layer.bytes());
        assertThat(registry.pushBlob(repository, layer.digest(), BlobContent.of(file))).isEqualTo(layer.digest());
        Digest pushed = registry.putManifest(ImageReference.parse(repository + ":v1"), image.mediaType(), image.bytes());

        assertThat(pushed).isEqualTo(image.digest());
        assertThat(registry.getManifest(ImageReference.parse(repository + ":v1")).bytes()).isEqualTo(image.bytes());
        try (InputStream in = registry.openBlob(repository, layer.digest())) {
            assertThat(in.readAllBytes()).isEqualTo(layer.bytes());
        }
    }

    @Test
    void emptyBlobIsPushedAndReadBack() throws IOException {
        Digest digest = alice.registry().pushBlob("alice/empty", BlobContent.of(new byte[0]));

        assertThat(digest).isEqualTo(Digest.sha256(new byte[0]));
        try (InputStream in = alice.registry().openBlob("alice/empty", digest)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void everyManifestTypeRoundTripsAndIndexesAfterTheirChildren() {
        for (String type : List.of(MediaTypes.DOCKER_MANIFEST, MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST,
                MediaTypes.OCI_INDEX)) {
            Image image = TestImages.ofType(type);
            String repository = "alice/types";
            push(repository, image);

            FetchedManifest fetched = alice.registry().getManifest(ImageReference.parse(repository + "@" + image.digest()));

            assertThat(fetched.mediaType()).isEqualTo(type);
            assertThat(fetched.bytes()).isEqualTo(image.bytes());
        }
    }

    @Test
    void tagsArePagedThroughLink() {
        Image image = TestImages.ociImage();
        push("alice/paged", image);
        IntStream.range(0, 5).mapToObj(i -> "t" + i).forEach(tag -> alice.registry().putManifest(ImageReference.parse("alice/paged:" + tag), image.mediaType(),
                image.bytes()));

        assertThat(alice.registry().listTags("alice/paged", 2))
                .containsExactly("latest", "t0", "t1", "t2", "t3", "t4");
        assertThat(hub.requests).filteredOn(r -> r.startsWith("GET /v2/alice/paged/tags/list")).hasSize(3);
    }

    @Test
    void mountLinksABlobFromAnotherRepositoryAndFallsBackToUploadWhenItCannot() throws IOException {
        Blob layer = TestImages.layer(500);
        alice.registry().pushBlob("alice/mount-source", BlobContent.of(layer.bytes()));

        assertThat(alice.registry().mountBlob("alice/mount-target", layer.digest(), "alice/mount-source",
                BlobContent.of(layer.bytes()))).isEqualTo(MountOutcome.MOUNTED);
        Blob other = TestImages.layer(400);
        assertThat(alice.registry().mountBlob("alice/mount-target", other.digest(), "alice/mount-source",
                BlobContent.of(other.bytes()))).isEqualTo(MountOutcome.UPLOADED);

        try (InputStream in = alice.registry().openBlob("alice/mount-target", other.digest())) {
            assertThat(in.readAllBytes()).isEqualTo(other.bytes());
        }
        assertThat(alice.registry().checkBlob("alice/mount-target", layer.digest())).isPresent();
    }

    @Test
    void deletedManifestIsGoneAndAMissingOneIsEmptyOrManifestUnknown() {
        Image image = TestImages.dockerImage();
        push("alice/deleted", image);
        ImageReference byDigest = ImageReference.parse("alice/deleted@" + image.digest());

        alice.registry().deleteManifest(byDigest);

        assertThat(alice.registry().checkManifest(byDigest)).isEmpty();
        assertThatThrownBy(() -> alice.registry().getManifest(byDigest))
                .isInstanceOfSatisfying(RegistryErrorException.class, e -> {
                    assertThat(e.has(RegistryErrorCode.MANIFEST_UNKNOWN)).isTrue();
                    assertThat(e.status()).isEqualTo(404);
                });
    }

    private static void push(String repository, Image image) {
        hub.push(repository, "latest", image);
    }
}
