package dev.hubsim.simulator.registry;

import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.storage.IncomingBlob;
import dev.hubsim.simulator.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.hubsim.simulator.registry.Fixtures.bytes;
import static dev.hubsim.simulator.registry.Fixtures.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The entry points a pull-through cache fills the state through: streamed blobs and manifests copied from upstream. */
class RegistryStateMirroringTest {
    private static final String REPO = "mirror/app";

    @TempDir
    Path root;

    private RegistryState state;

    @BeforeEach
    void create() {
        state = RegistryState.inMemory(root, new TestClock(), Duration.ofMinutes(30));
    }

    @Test
    void aStreamedBlobWithItsDigestIsStoredAndLinkedOnCommit() throws IOException {
        byte[] content = new byte[200_000];
        new java.util.Random(7).nextBytes(content);
        Digest digest = Digest.sha256(content);

        try (IncomingBlob incoming = state.receiveBlob(REPO, digest)) {
            for (int offset = 0; offset < content.length; offset += 65_536) {
                incoming.write(content, offset, Math.min(65_536, content.length - offset));
                assertThat(state.hasBlob(REPO, digest)).as("invisible until committed").isFalse();
            }
            incoming.commit();
        }

        assertThat(state.hasBlob(REPO, digest)).isTrue();
        try (FileChannel channel = state.openBlob(REPO, digest)) {
            ByteBuffer read = ByteBuffer.allocate(content.length);
            while (read.hasRemaining() && channel.read(read) >= 0) {
                // reads the whole file
            }
            assertThat(read.array()).isEqualTo(content);
        }
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void aStreamedBlobWithAnotherDigestIsRefusedAndStoresNothing() throws IOException {
        Digest claimed = Digest.sha256(bytes("expected"));

        try (IncomingBlob incoming = state.receiveBlob(REPO, claimed)) {
            incoming.write(bytes("something else"));
            assertThatThrownBy(incoming::commit).isInstanceOf(IncomingBlob.DigestMismatchException.class)
                    .hasMessageContaining(claimed.toString()).hasMessageContaining("nothing was stored");
        }

        assertThat(state.hasBlob(REPO, claimed)).isFalse();
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void aStreamedBlobClosedBeforeItsCommitStoresNothing() throws IOException {
        byte[] content = bytes("cut short");
        Digest digest = Digest.sha256(content);

        try (IncomingBlob incoming = state.receiveBlob(REPO, digest)) {
            incoming.write(content, 0, 3);
        }

        assertThat(state.hasBlob(REPO, digest)).isFalse();
        assertThat(scratchFiles()).isEmpty();
    }

    @Test
    void aMirroredManifestIsStoredWithoutItsBlobsAndFiresNoPush() {
        Digest config = Digest.sha256(bytes("config"));
        byte[] manifest = image(config);
        List<TagPush> pushes = new java.util.ArrayList<>();
        state.onTagPush(pushes::add);

        StoredManifest stored = state.putMirroredManifest(REPO, "v1", manifest, MediaTypes.OCI_MANIFEST);

        assertThat(state.findManifest(REPO, "v1")).contains(stored);
        assertThat(state.findManifest(REPO, stored.digest().toString())).contains(stored);
        assertThat(pushes).isEmpty();
        assertThat(Fixtures.refusal(() -> state.putManifest(REPO, "v2", manifest, MediaTypes.OCI_MANIFEST, List.of())).code())
                .as("a push still needs its blobs").isEqualTo(dev.hubsim.core.error.RegistryErrorCode.MANIFEST_BLOB_UNKNOWN);
    }

    private List<Path> scratchFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("scratch"))) {
            return files.toList();
        }
    }
}
