package dev.hubsim.core.auth;

import java.time.Duration;
import java.time.Instant;

/** A bearer token and the instant it stops being valid, by the client's clock. */
record RegistryToken(SecretString token, Instant expiresAt) {

    /** True when at least {@code margin} is left before expiry at {@code now}. */
    boolean validFor(Duration margin, Instant now) {
        return now.plus(margin).isBefore(expiresAt);
    }
}
