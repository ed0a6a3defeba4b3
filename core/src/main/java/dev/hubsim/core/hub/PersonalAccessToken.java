package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A personal access token's description (reference §2.5). Never the secret: the Hub returns that once, when the token
 * is created ({@link CreatedAccessToken}).
 *
 * @param scopes    e.g. {@code repo:write} (which implies {@code repo:read} and {@code repo:public_read})
 * @param lastUsed  null when never used
 * @param expiresAt null when it does not expire
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PersonalAccessToken(String uuid, String tokenLabel, List<String> scopes, boolean isActive,
                                  Instant createdAt, Instant lastUsed, Instant expiresAt, String creatorIp,
                                  String creatorUa, String generatedBy, String clientId) {

    public PersonalAccessToken {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
