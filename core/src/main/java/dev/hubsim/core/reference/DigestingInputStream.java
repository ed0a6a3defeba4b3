package dev.hubsim.core.reference;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** An input stream that computes the digest of every byte read through it, and counts them. */
public final class DigestingInputStream extends FilterInputStream {
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
        if (n > 0) {
            messageDigest.update(buffer, offset, n);
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
