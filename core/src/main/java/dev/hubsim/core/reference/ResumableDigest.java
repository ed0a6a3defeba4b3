package dev.hubsim.core.reference;

import java.security.MessageDigest;

/**
 * The digest of content fed by byte position, from the start and without gaps: bytes read again (a resumed upload
 * sends some twice) go into the digest once, the first time. Not thread-safe.
 */
public final class ResumableDigest {
    /**
     * Bytes per {@code MessageDigest.update}. HotSpot swaps in its SHA-NI/AVX intrinsics only in compiled callers of
     * the digest's block loop, which a few multi-megabyte updates (one per upload chunk) never make hot: hashing then
     * runs in plain Java at a third of the speed. Small slices make the call hot within the first megabytes.
     */
    private static final int UPDATE_SLICE = 8 * 1024;

    private final DigestAlgorithm algorithm;
    private final MessageDigest messageDigest;
    private long length;

    public ResumableDigest(DigestAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.messageDigest = algorithm.newMessageDigest();
    }

    /**
     * Feeds the bytes found at {@code position} in the content: those past {@link #length()} go into the digest.
     *
     * @throws IllegalArgumentException when {@code position} is past {@link #length()}: the bytes between were never
     *                                  read, and the digest cannot skip them
     */
    public void update(long position, byte[] buffer, int offset, int count) {
        if (position > length) {
            throw new IllegalArgumentException("bytes from " + position + " on cannot be digested before bytes "
                    + length + " to " + (position - 1));
        }
        int skip = (int) Math.min(count, length - position);
        for (int done = skip; done < count; done += UPDATE_SLICE) {
            messageDigest.update(buffer, offset + done, Math.min(UPDATE_SLICE, count - done));
        }
        length = Math.max(length, position + count);
    }

    /** Bytes digested so far: the content's first {@code length()} bytes. */
    public long length() {
        return length;
    }

    /** The digest of the bytes fed so far; call once, at the end. */
    public Digest digest() {
        return Digest.fromMessageDigest(algorithm, messageDigest.digest());
    }
}
