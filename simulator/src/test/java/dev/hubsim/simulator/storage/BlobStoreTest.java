package dev.hubsim.simulator.storage;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobStoreTest {
    private static final byte[] CONTENT = "blob content".getBytes(StandardCharsets.UTF_8);
    private static final Digest DIGEST = Digest.sha256(CONTENT);

    @TempDir
    Path root;

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private Path blobFile(Digest digest) {
        return root.resolve("blobs").resolve(digest.algorithm().prefix()).resolve(digest.hex().substring(0, 2))
                .resolve(digest.hex());
    }

    @Test
    void aMissingBlobHasNoSizeNoChannelNoBytesAndIsNotContained() {
        BlobStore store = new BlobStore(root);

        assertThat(store.contains(DIGEST)).isFalse();
        assertThat(store.size(DIGEST)).isEmpty();
        assertThat(store.open(DIGEST)).isEmpty();
        assertThat(store.readSmall(DIGEST)).isEmpty();
    }

    @Test
    void aCommittedScratchFileBecomesTheBlobAndLeavesTheScratchDirectory() throws Exception {
        BlobStore store = new BlobStore(root);
        Path scratch = store.newScratchFile();
        Files.write(scratch, CONTENT);

        store.commit(scratch, DIGEST);

        assertThat(scratch).doesNotExist();
        assertThat(count(root.resolve("scratch"))).isZero();
        assertThat(blobFile(DIGEST)).hasBinaryContent(CONTENT);
        assertThat(store.contains(DIGEST)).isTrue();
        assertThat(store.size(DIGEST)).contains((long) CONTENT.length);
        assertThat(store.readSmall(DIGEST)).hasValueSatisfying(b -> assertThat(b).isEqualTo(CONTENT));
        try (FileChannel channel = store.open(DIGEST).orElseThrow()) {
            ByteBuffer buffer = ByteBuffer.allocate(CONTENT.length);
            channel.read(buffer);
            assertThat(buffer.array()).isEqualTo(CONTENT);
        }
    }

    @Test
    void committingTheSameDigestAgainIsHarmlessEvenWhileTheBlobIsOpen() throws Exception {
        BlobStore store = new BlobStore(root);
        Path first = store.newScratchFile();
        Files.write(first, CONTENT);
        store.commit(first, DIGEST);

        try (FileChannel reader = store.open(DIGEST).orElseThrow()) {
            Path second = store.newScratchFile();
            Files.write(second, CONTENT);
            store.commit(second, DIGEST);

            ByteBuffer buffer = ByteBuffer.allocate(CONTENT.length);
            reader.read(buffer);
            assertThat(buffer.array()).isEqualTo(CONTENT);
            assertThat(second).doesNotExist();
        }
        assertThat(store.readSmall(DIGEST)).hasValueSatisfying(b -> assertThat(b).isEqualTo(CONTENT));
        assertThat(count(root.resolve("scratch"))).isZero();
    }

    @Test
    void committingAMissingScratchFileFailsAndStoresNothing() {
        BlobStore store = new BlobStore(root);

        assertThatThrownBy(() -> store.commit(root.resolve("scratch").resolve("gone"), DIGEST))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(store.contains(DIGEST)).isFalse();
    }

    @Test
    void putSmallStoresOnceAndIsIdempotent() throws Exception {
        BlobStore store = new BlobStore(root);

        store.putSmall(DIGEST, CONTENT);
        store.putSmall(DIGEST, CONTENT);

        assertThat(store.readSmall(DIGEST)).hasValueSatisfying(b -> assertThat(b).isEqualTo(CONTENT));
        assertThat(count(root.resolve("scratch"))).isZero();
        assertThat(count(blobFile(DIGEST).getParent())).isEqualTo(1);
    }

    @Test
    void blobsOfEachAlgorithmLiveApart() {
        BlobStore store = new BlobStore(root);
        Digest sha512 = Digest.of(DigestAlgorithm.SHA512, CONTENT);

        store.putSmall(sha512, CONTENT);

        assertThat(store.contains(sha512)).isTrue();
        assertThat(store.contains(DIGEST)).isFalse();
        assertThat(blobFile(sha512)).hasBinaryContent(CONTENT);
    }

    @Test
    void constructionEmptiesTheScratchDirectoryAndKeepsTheBlobs() throws Exception {
        BlobStore first = new BlobStore(root);
        first.putSmall(DIGEST, CONTENT);
        Path leftover = first.newScratchFile();
        Files.write(leftover, "half an upload".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(root.resolve("scratch").resolve("nested"));
        Files.writeString(root.resolve("scratch").resolve("nested").resolve("file"), "x");

        BlobStore second = new BlobStore(root);

        assertThat(root.resolve("scratch")).isEmptyDirectory();
        assertThat(second.readSmall(DIGEST)).hasValueSatisfying(b -> assertThat(b).isEqualTo(CONTENT));
    }

    @Test
    void scratchFilesAreFreshAndEmptyAndDiscardIgnoresMissingOnes() throws Exception {
        BlobStore store = new BlobStore(root);

        Path a = store.newScratchFile();
        Path b = store.newScratchFile();

        assertThat(a).isNotEqualTo(b).isEmptyFile();
        assertThat(a.getParent()).isEqualTo(root.resolve("scratch"));
        store.discard(a);
        store.discard(a);
        assertThat(a).doesNotExist();
        assertThat(b).exists();
    }
}
