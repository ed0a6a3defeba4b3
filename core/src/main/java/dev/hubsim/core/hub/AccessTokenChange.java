package dev.hubsim.core.hub;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The body of {@code PATCH /v2/access-tokens/{uuid}}: a new label, activation, or both; null leaves a field as it is. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessTokenChange(String tokenLabel, Boolean isActive) {

    public static AccessTokenChange label(String label) {
        return new AccessTokenChange(label, null);
    }

    public static AccessTokenChange active(boolean active) {
        return new AccessTokenChange(null, active);
    }
}
