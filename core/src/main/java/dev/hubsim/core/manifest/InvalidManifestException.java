package dev.hubsim.core.manifest;

/** Manifest bytes a registry must refuse with {@code MANIFEST_INVALID}; the message names the offending field. */
public final class InvalidManifestException extends IllegalArgumentException {
    public InvalidManifestException(String message) {
        super(message);
    }

    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
