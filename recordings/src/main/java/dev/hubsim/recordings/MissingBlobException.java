package dev.hubsim.recordings;

import dev.hubsim.core.reference.Digest;

import java.nio.file.Path;

/** An interaction refers to a body blob that is not in the recording's {@code blobs/} directory (or has another size). */
public final class MissingBlobException extends InvalidRecordingException {
    private static final long serialVersionUID = 1L;
    private final transient Digest digest;

    public MissingBlobException(Digest digest, Path expectedAt, String detail) {
        super("blob " + digest + " " + detail + " (expected at " + expectedAt + ")");
        this.digest = digest;
    }

    /** The digest of the missing body. */
    public Digest digest() {
        return digest;
    }
}
