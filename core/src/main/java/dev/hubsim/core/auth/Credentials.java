package dev.hubsim.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A Docker Hub user name with a password or a personal access token (both are sent the same way, as the Basic
 * password). Prints as {@code Credentials[alice, ****]}.
 */
public record Credentials(String username, SecretString secret) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        if (username.isEmpty() || username.indexOf(':') >= 0) {
            throw new IllegalArgumentException("username must be non-empty and must not contain ':'");
        }
    }

    /** {@code Basic base64(username:secret)}. */
    String basicAuthorization() {
        String pair = username + ":" + secret.reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[" + username + ", " + secret + "]";
    }
}
