package dev.hubsim.core.oci;

/** A directory that is not a valid OCI image layout, or content that does not match its digest. */
public final class InvalidLayoutException extends RuntimeException {
    public InvalidLayoutException(String message) {
        super(message);
    }

    public InvalidLayoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
