package dev.hubsim.simulator.storage;

import dev.hubsim.core.reference.Digest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * A blob arriving as a stream, expected to have one digest: the bytes go to a scratch file and through the digest as
 * they are written. {@link #commit()} checks the digest and makes the blob visible atomically; {@link #close()}
 * without a successful commit discards it, so a broken transfer or a wrong digest stores nothing. Memory use is one
 * buffer whatever the size. Used by one thread at a time.
 */
public final class IncomingBlob extends OutputStream {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final BlobStore store;
    private final Digest expected;
    private final Runnable onCommit;
    private final Path scratch;
    private final OutputStream out;
    private final MessageDigest hash;
    private long size;
    private boolean finished;

    IncomingBlob(BlobStore store, Digest expected, Runnable onCommit) throws IOException {
        this.store = store;
        this.expected = expected;
        this.onCommit = onCommit;
        this.scratch = store.newScratchFile();
        this.out = new BufferedOutputStream(Files.newOutputStream(scratch), BUFFER_SIZE);
        this.hash = expected.algorithm().newMessageDigest();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("blob " + expected + " is already committed or discarded");
        }
        out.write(bytes, offset, length);
        hash.update(bytes, offset, length);
        size += length;
    }

    /** Bytes received so far. */
    public long size() {
        return size;
    }

    /**
     * Stores the blob under its digest if the bytes have it; otherwise discards them and throws
     * {@link DigestMismatchException}.
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IOException("blob " + expected + " is already committed or discarded");
        }
        finished = true;
        try {
            out.close();
            Digest actual = Digest.fromMessageDigest(expected.algorithm(), hash.digest());
            if (!actual.equals(expected)) {
                throw new DigestMismatchException(expected, actual, size);
            }
            store.commit(scratch, expected);
        } finally {
            store.discard(scratch);
        }
        onCommit.run();
    }

    /** Discards the bytes unless the blob was committed. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            try {
                out.close();
            } finally {
                store.discard(scratch);
            }
        }
    }

    /** The bytes received do not have the expected digest; nothing was stored. */
    public static final class DigestMismatchException extends IOException {
        private final Digest expected;
        private final Digest actual;

        DigestMismatchException(Digest expected, Digest actual, long size) {
            super("the " + size + " bytes received have digest " + actual + ", not " + expected + "; nothing was stored");
            this.expected = expected;
            this.actual = actual;
        }

        public Digest expected() {
            return expected;
        }

        public Digest actual() {
            return actual;
        }
    }
}
