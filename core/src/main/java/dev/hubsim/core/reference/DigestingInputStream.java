package dev.hubsim.core.reference;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** An input stream that computes the digest of every byte read through it, and counts them. */
public final class DigestingInputStream extends FilterInputStream {
    /**
     * Bytes per {@code MessageDigest.update}. HotSpot swaps in its SHA-NI/AVX intrinsics only in compiled callers of
     * the digest's block loop, which a few multi-megabyte updates (one per upload chunk) never make hot: hashing then
     * runs in plain Java at a third of the speed. Small slices make the call hot within the first megabytes.
     */
    private static final int UPDATE_SLICE = 8 * 1024;

    private final DigestAlgorithm algorithm;
    private final MessageDigest messageDigest;
    private long count;

    public DigestingInputStream(InputStream in, DigestAlgorithm algorithm) {
        super(in);
        this.algorithm = algorithm;
        this.messageDigest = algorithm.newMessageDigest();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            messageDigest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int done = 0; done < n; done += UPDATE_SLICE) {
            messageDigest.update(buffer, offset + done, Math.min(UPDATE_SLICE, n - done));
        }
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes out of the digest");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** The digest of the bytes read so far; call once, at the end. */
    public Digest digest() {
        return Digest.fromMessageDigest(algorithm, messageDigest.digest());
    }
}
