package dev.hubsim.simulator.registry;

import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.simulator.storage.BlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Uploads of real sizes: bodies larger than the copy buffers, broken connections and parallel sessions. */
class UploadsStreamingTest {
    private static final String REPO = "alice/app";
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path root;

    private BlobStore blobs;
    private Uploads uploads;

    @BeforeEach
    void setUp() {
        blobs = new BlobStore(root);
        uploads = new Uploads(blobs, new TestClock(), Duration.ofMinutes(30), (repository, digest) -> { });
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Serves {@code data} in reads of at most {@code chunk} bytes, then fails instead of ending. */
    private static final class BrokenConnection extends InputStream {
        private final byte[] data;
        private final int chunk;
        private int position;

        BrokenConnection(byte[] data, int chunk) {
            this.data = data;
            this.chunk = chunk;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position == data.length) {
                throw new IOException("connection reset by peer");
            }
            int n = Math.min(Math.min(len, chunk), data.length - position);
            System.arraycopy(data, position, b, off, n);
            position += n;
            return n;
        }
    }

    @ParameterizedTest(name = "{0} bytes in reads of {1}, then a failure")
    @CsvSource({"0, 1000", "1000, 333", "1048576, 65536", "1048577, 8191", "3670016, 1048576", "5000000, 100000"})
    void aBrokenBodyKeepsTheBytesReceivedSoFarAndTheUploadResumes(int before, int chunk) throws Exception {
        byte[] content = random(before + 1_500_000, before);
        Upload upload = uploads.start(REPO);

        Throwable thrown = catchThrowable(() -> uploads.append(REPO, upload.id(),
                new BrokenConnection(Arrays.copyOf(content, before), chunk), null, null));

        assertThat(thrown).isInstanceOf(UncheckedIOException.class);
        Upload status = uploads.status(REPO, upload.id());
        assertThat(status.size()).isEqualTo(before);
        assertThat(status.state()).isEqualTo(before > 0 ? UploadState.UPLOADING : UploadState.INITIATED);
        assertThat(status.rangeHeader()).isEqualTo("0-" + Math.max(0, before - 1));

        byte[] rest = Arrays.copyOfRange(content, before, content.length);
        uploads.append(REPO, upload.id(), new ByteArrayInputStream(rest), ContentRange.parse(before + "-" + (content.length - 1)),
                (long) rest.length);
        Digest digest = Digest.sha256(content);
        assertThat(uploads.complete(REPO, upload.id(), digest.toString(), new ByteArrayInputStream(new byte[0]), null, null))
                .isEqualTo(digest);
        assertThat(blobs.readSmall(digest)).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(content));
    }

    @Test
    void aBrokenFinalChunkOfACompletionKeepsTheSessionForAResume() {
        byte[] content = random(3 * MIB + 17, 7);
        int before = 2 * MIB + 5;
        Upload upload = uploads.start(REPO);
        Digest digest = Digest.sha256(content);

        Throwable thrown = catchThrowable(() -> uploads.complete(REPO, upload.id(), digest.toString(),
                new BrokenConnection(Arrays.copyOf(content, before), 50_000), null, null));

        assertThat(thrown).isInstanceOf(UncheckedIOException.class);
        assertThat(uploads.status(REPO, upload.id()).size()).isEqualTo(before);
        assertThat(blobs.contains(digest)).isFalse();
        uploads.complete(REPO, upload.id(), digest.toString(),
                new ByteArrayInputStream(Arrays.copyOfRange(content, before, content.length)), null, null);
        assertThat(blobs.size(digest)).contains((long) content.length);
    }

    @Test
    void largeBodiesInManyChunksHashLikeTheWholeContent() {
        byte[] content = random(9 * MIB + 3, 11);
        Upload upload = uploads.start(REPO);
        int[] cuts = {0, 1, MIB - 1, MIB, 4 * MIB + 1, 9 * MIB + 3};
        for (int i = 0; i + 1 < cuts.length; i++) {
            uploads.append(REPO, upload.id(), new ByteArrayInputStream(content, cuts[i], cuts[i + 1] - cuts[i]), null, null);
        }
        Digest sha256 = Digest.sha256(content);
        Digest sha512 = Digest.of(DigestAlgorithm.SHA512, content);

        Throwable wrong = catchThrowable(() -> uploads.complete(REPO, upload.id(), Digest.sha256(new byte[0]).toString(),
                new ByteArrayInputStream(new byte[0]), null, null));
        assertThat(wrong).isInstanceOf(RegistryException.class);

        Upload again = uploads.start(REPO);
        uploads.append(REPO, again.id(), new ByteArrayInputStream(content), null, null);
        assertThat(uploads.complete(REPO, again.id(), sha512.toString(), new ByteArrayInputStream(new byte[0]), null, null))
                .isEqualTo(sha512);
        Upload third = uploads.start(REPO);
        assertThat(uploads.complete(REPO, third.id(), sha256.toString(), new ByteArrayInputStream(content), null, null))
                .isEqualTo(sha256);
    }

    @Test
    void concurrentAppendsToDifferentSessionsDoNotMix() throws Exception {
        int sessions = 8;
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Digest>> results = new ArrayList<>();
            List<byte[]> contents = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                byte[] content = random(2 * MIB + s * 1001, 100 + s);
                contents.add(content);
                String repository = "team/repo" + (s % 3);
                Callable<Digest> push = () -> {
                    go.await();
                    Upload upload = uploads.start(repository);
                    int step = 300_000 + 7;
                    for (int offset = 0; offset < content.length; offset += step) {
                        int length = Math.min(step, content.length - offset);
                        uploads.append(repository, upload.id(), new ByteArrayInputStream(content, offset, length),
                                ContentRange.parse(offset + "-" + (offset + length - 1)), (long) length);
                    }
                    return uploads.complete(repository, upload.id(), Digest.sha256(content).toString(),
                            new ByteArrayInputStream(new byte[0]), null, null);
                };
                results.add(pool.submit(push));
            }
            go.countDown();
            for (int s = 0; s < sessions; s++) {
                Digest digest = results.get(s).get(60, TimeUnit.SECONDS);
                assertThat(digest).isEqualTo(Digest.sha256(contents.get(s)));
                byte[] expected = contents.get(s);
                assertThat(blobs.readSmall(digest)).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(expected));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(uploads.openCount()).isZero();
        try (var scratch = Files.list(root.resolve("scratch"))) {
            assertThat(scratch).isEmpty();
        }
    }
}
