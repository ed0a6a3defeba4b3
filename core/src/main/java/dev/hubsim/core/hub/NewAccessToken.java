package dev.hubsim.core.hub;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code POST /v2/access-tokens} (reference §2.5): a label of 1 to 100 characters, scopes among
 * {@code repo:admin}, {@code repo:write}, {@code repo:read}, {@code repo:public_read}, and an optional expiry.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewAccessToken(String tokenLabel, List<String> scopes,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) Instant expiresAt) {

    public NewAccessToken {
        Objects.requireNonNull(tokenLabel, "tokenLabel");
        scopes = List.copyOf(scopes);
    }

    /** A token that does not expire. */
    public static NewAccessToken of(String label, String... scopes) {
        return new NewAccessToken(label, List.of(scopes), null);
    }

    public NewAccessToken expiringAt(Instant expiresAt) {
        return new NewAccessToken(tokenLabel, scopes, expiresAt);
    }
}
