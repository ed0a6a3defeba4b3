package dev.hubsim.dsl;

import java.time.Duration;

/**
 * The pull rate limit as the registry last reported it ({@code ratelimit-limit}, {@code ratelimit-remaining},
 * {@code docker-ratelimit-source}).
 *
 * @param limit     pulls allowed per window
 * @param remaining pulls left in the current window
 * @param window    the window's length
 * @param source    whom the registry counts: an IP address or an account id
 */
public record RateLimitStatus(long limit, long remaining, Duration window, String source) {
}
