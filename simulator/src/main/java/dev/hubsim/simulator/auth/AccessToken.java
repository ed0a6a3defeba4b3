package dev.hubsim.simulator.auth;

import java.time.Instant;

/**
 * A personal access token ({@code dckr_pat_...}) as Docker Hub describes one, holding the hash of the secret only.
 *
 * @param expiresAt null when the token never expires
 */
public record AccessToken(String uuid, String label, PatScope scope, PasswordHash secret, boolean active,
                          Instant createdAt, Instant expiresAt) {

    /** True when the token can be used at {@code now}. */
    public boolean usableAt(Instant now) {
        return active && (expiresAt == null || now.isBefore(expiresAt));
    }
}
