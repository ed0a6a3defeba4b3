package dev.hubsim.simulator.auth;

import java.time.Instant;

/**
 * A personal access token ({@code dckr_pat_...}) as Docker Hub describes one, holding the hash of the secret only.
 *
 * @param expiresAt null when the token never expires
 * @param creatorIp the address it was created from (empty when seeded)
 * @param creatorUa the {@code User-Agent} it was created with (empty when seeded)
 * @param lastUsed  null until it is first used
 */
public record AccessToken(String uuid, String label, PatScope scope, PasswordHash secret, boolean active,
                          Instant createdAt, Instant expiresAt, String creatorIp, String creatorUa, Instant lastUsed) {

    /** True when the token can be used at {@code now}. */
    public boolean usableAt(Instant now) {
        return active && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** The same token with another label and activity. */
    public AccessToken with(String newLabel, boolean nowActive) {
        return new AccessToken(uuid, newLabel, scope, secret, nowActive, createdAt, expiresAt, creatorIp, creatorUa, lastUsed);
    }

    /** The same token, used at {@code at}. */
    AccessToken usedAt(Instant at) {
        return new AccessToken(uuid, label, scope, secret, active, createdAt, expiresAt, creatorIp, creatorUa, at);
    }
}
