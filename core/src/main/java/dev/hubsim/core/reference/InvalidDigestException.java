package dev.hubsim.core.reference;

/** A digest string that is not {@code sha256:<64 hex>} or {@code sha512:<128 hex>}; the message names the bad part. */
public final class InvalidDigestException extends IllegalArgumentException {
    public InvalidDigestException(String message) {
        super(message);
    }
}
