package dev.hubsim.core.reference;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that computes the digest of every byte read through it, and counts them. */
public final class DigestingInputStream extends FilterInputStream {
    private final ResumableDigest digest;
    private final byte[] single = new byte[1];

    public DigestingInputStream(InputStream in, DigestAlgorithm algorithm) {
        super(in);
        this.digest = new ResumableDigest(algorithm);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            single[0] = (byte) b;
            digest.update(digest.length(), single, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            digest.update(digest.length(), buffer, offset, n);
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
        return digest.length();
    }

    /** The digest of the bytes read so far; call once, at the end. */
    public Digest digest() {
        return digest.digest();
    }
}
