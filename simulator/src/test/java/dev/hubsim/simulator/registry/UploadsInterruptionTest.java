package dev.hubsim.simulator.registry;

import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.storage.BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A request thread interrupted in the middle of a large append (a server stopping, a request timeout): the append
 * fails, but it must leave nothing running behind it that still touches the session, so the client can resume.
 */
class UploadsInterruptionTest {
    private static final String REPO = "alice/app";
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path root;

    private Uploads uploads;

    @BeforeEach
    void setUp() {
        uploads = new Uploads(new BlobStore(root), new TestClock(), Duration.ofMinutes(30), (repository, digest) -> { });
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** Serves the bytes in 64 KiB reads and interrupts the reading thread once, after {@code interruptAt} bytes. */
    private static final class InterruptingBody extends InputStream {
        private final byte[] data;
        private final int interruptAt;
        private int position;

        InterruptingBody(byte[] data, int interruptAt) {
            this.data = data;
            this.interruptAt = interruptAt;
        }

        @Override
        public int read() {
            return position < data.length ? data[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 64 * 1024), data.length - position);
            System.arraycopy(data, position, b, off, n);
            if (position < interruptAt && position + n >= interruptAt) {
                Thread.currentThread().interrupt();
            }
            position += n;
            return n;
        }
    }

    /** Threads of the upload pipeline still waiting for work of an append that has returned. */
    private static List<String> stuckPipelineThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("hubsim-upload"))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith("ArrayBlockingQueue")))
                .map(Map.Entry::getKey).map(t -> t.getName() + " " + t.getState()).toList();
    }

    @Test
    void anInterruptedAppendLeavesNoPipelineThreadBehindAndTheUploadResumes() throws Exception {
        byte[] content = new byte[8 * MIB];
        new Random(3).nextBytes(content);
        Upload upload = uploads.start(REPO);

        Throwable thrown = catchThrowable(() -> uploads.append(REPO, upload.id(), new InterruptingBody(content, 5 * MIB / 2),
                null, null));
        Thread.interrupted();

        assertThat(thrown).as("the interrupted append fails").isNotNull();
        long kept = uploads.status(REPO, upload.id()).size();
        assertThat(kept).isBetween(0L, (long) content.length);
        uploads.append(REPO, upload.id(), new ByteArrayInputStream(content, (int) kept, content.length - (int) kept),
                ContentRange.parse(kept + "-" + (content.length - 1)), content.length - kept);
        Digest digest = Digest.sha256(content);
        assertThat(uploads.complete(REPO, upload.id(), digest.toString(), new ByteArrayInputStream(new byte[0]), null, null))
                .isEqualTo(digest);

        List<String> stuck = stuckPipelineThreads();
        for (long deadline = System.nanoTime() + 2_000_000_000L; !stuck.isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
            stuck = stuckPipelineThreads();
        }
        assertThat(stuck).as("upload pipeline threads still blocked long after the append returned").isEmpty();
    }
}
