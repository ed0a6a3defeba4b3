package dev.hubsim.simulator.registry;

/** The life of a blob upload session. */
public enum UploadState {
    /** Started by POST; no bytes yet. */
    INITIATED,
    /** At least one chunk received. */
    UPLOADING,
    /** Verified and stored as a blob. */
    COMPLETED,
    /** Refused (digest or size mismatch); its bytes are discarded. */
    FAILED,
    /** Cancelled by DELETE. */
    CANCELLED,
    /** Idle for longer than the upload timeout; its bytes are discarded. */
    EXPIRED;

    /** True for the states in which the session can take more bytes. */
    public boolean isOpen() {
        return this == INITIATED || this == UPLOADING;
    }
}
