package dev.hubsim.recordings;

/** A recording directory that cannot be read: missing or malformed {@code interactions.json}, or a missing blob. */
public class InvalidRecordingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordingException(String message) {
        super(message);
    }

    public InvalidRecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
