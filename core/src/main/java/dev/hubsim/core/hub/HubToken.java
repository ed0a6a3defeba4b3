package dev.hubsim.core.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.auth.SecretString;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

/**
 * A Hub API bearer token (a JWT) and its expiry, read from the payload's {@code exp} claim as Docker's own clients do
 * (reference §1.4). The signature is not checked: the Hub checks it, the client only needs to know when to renew.
 */
record HubToken(SecretString jwt, Instant expiresAt) {

    /**
     * Reads {@code exp} (seconds since the epoch) from the JWT's payload.
     *
     * @throws IllegalArgumentException saying what is wrong (never showing the token)
     */
    static HubToken parse(String jwt, ObjectMapper json) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("the token is not a JWT (expected 3 dot-separated parts, got "
                    + parts.length + ")");
        }
        JsonNode payload;
        try {
            payload = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("the token's payload is not base64url-encoded JSON");
        }
        JsonNode exp = payload == null ? null : payload.get("exp");
        if (exp == null || !exp.isNumber() || !exp.canConvertToLong() || exp.asLong() <= 0) {
            throw new IllegalArgumentException("the token's payload has no numeric 'exp' claim");
        }
        return new HubToken(SecretString.of(jwt), Instant.ofEpochSecond(exp.asLong()));
    }

    HubTokenState state(Instant now) {
        return HubTokenState.of(expiresAt, now);
    }
}
