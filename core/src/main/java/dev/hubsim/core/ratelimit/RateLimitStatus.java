package dev.hubsim.core.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last counted answer said about a rate limit: Docker Hub's pull limit ({@code ratelimit-limit},
 * {@code ratelimit-remaining}, {@code docker-ratelimit-source}) or the Hub API's ({@code X-RateLimit-*}).
 *
 * @param quota      whether anything is known, and whether there is a limit
 * @param limit      requests per window, or -1 when not limited or unknown
 * @param remaining  requests left in the window, or -1 when not limited or unknown
 * @param window     the window ({@code ;w=} in seconds), or null when not given
 * @param source     who is counted ({@code docker-ratelimit-source}: an IP address or account id), or empty
 * @param observedAt when the answer came, by the client's clock, or null when nothing was seen yet
 * @param resetAt    when requests can succeed again once none remain: from {@code Retry-After}, from
 *                   {@code X-RateLimit-Reset}, or at most one window after {@code observedAt}; null when unknown
 */
public record RateLimitStatus(Quota quota, long limit, long remaining, Duration window, String source,
                              Instant observedAt, Instant resetAt) {
    /** Nothing seen yet. */
    public static final RateLimitStatus UNKNOWN = new RateLimitStatus(Quota.UNKNOWN, -1, -1, null, "", null, null);

    /** What a status knows. */
    public enum Quota {
        /** No counted answer yet. */
        UNKNOWN,
        /** A counted answer came without limit headers: Docker Hub does not limit this client. */
        UNLIMITED,
        /** The answer carried a limit. */
        LIMITED
    }

    public RateLimitStatus {
        Objects.requireNonNull(quota, "quota");
        source = source == null ? "" : source;
    }

    /** A counted answer without limit headers. */
    public static RateLimitStatus unlimited(Instant observedAt) {
        return new RateLimitStatus(Quota.UNLIMITED, -1, -1, null, "", observedAt, null);
    }

    /** True when none remain and, by {@code now}, the window has not reset. */
    public boolean exhaustedAt(Instant now) {
        return quota == Quota.LIMITED && remaining == 0 && resetAt != null && now.isBefore(resetAt);
    }

    /** How long to wait from {@code now} until requests can succeed again; empty when they can now. */
    public Optional<Duration> waitAt(Instant now) {
        return exhaustedAt(now) ? Optional.of(Duration.between(now, resetAt)) : Optional.empty();
    }

    /** A short description without the source, e.g. {@code 76 of 100 per 21600 s}. */
    public String describe() {
        return switch (quota) {
            case UNKNOWN -> "unknown";
            case UNLIMITED -> "unlimited";
            case LIMITED -> remaining + " of " + limit + (window == null ? "" : " per " + window.toSeconds() + " s");
        };
    }
}
