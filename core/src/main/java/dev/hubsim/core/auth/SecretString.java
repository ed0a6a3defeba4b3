package dev.hubsim.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, access token or bearer token. It never prints: {@link #toString()} is {@code ****}, so a secret that
 * ends up in a log line, an exception message or a record's {@code toString()} shows nothing. Read it only where
 * it goes on the wire, with {@link #reveal()}.
 */
public final class SecretString {
    private static final String MASK = "****";
    private final String value;

    private SecretString(String value) {
        this.value = value;
    }

    /** Wraps a secret; it must not be empty. */
    public static SecretString of(String value) {
        Objects.requireNonNull(value, "secret");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new SecretString(value);
    }

    /** The secret itself, for the one place it is sent. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    /** Constant-time comparison of the secrets. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SecretString s && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
