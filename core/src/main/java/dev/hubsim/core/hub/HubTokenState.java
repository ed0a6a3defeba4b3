package dev.hubsim.core.hub;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a Hub API token stands by the client's clock. A token is used while {@link #VALID}; once {@link #EXPIRING}
 * (under {@link #MARGIN} left) or {@link #EXPIRED} the session signs in again before the next request, and
 * {@link #RENEWING} while it does; {@link #SIGNED_OUT} before the first sign-in.
 */
public enum HubTokenState {
    SIGNED_OUT, VALID, EXPIRING, EXPIRED, RENEWING;

    /** How long before its {@code exp} a token is renewed, so that it never reaches the Hub expired. */
    public static final Duration MARGIN = Duration.ofSeconds(30);

    /** The state of a token that expires at {@code expiresAt}, seen at {@code now}. */
    public static HubTokenState of(Instant expiresAt, Instant now) {
        if (!now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return now.plus(MARGIN).isBefore(expiresAt) ? VALID : EXPIRING;
    }
}
