package dev.hubsim.simulator.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Hub API's own rate limit ({@code hub.docker.com}, separate from pull limits): a number of requests per minute
 * per client address, refilled whole each minute on the simulator's clock. Docker Hub documents the headers
 * ({@code X-RateLimit-Limit/Remaining/Reset}, 429 with {@code Retry-After}) but not the number.
 */
public final class HubApiRateLimiter {
    /** The default: generous, so that only tests that mean to hit the limit do (Docker Hub's value is undocumented). */
    public static final long DEFAULT_PER_MINUTE = 1000;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;
    private final Clock clock;
    private final long perMinute;

    public HubApiRateLimiter(long perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("the Hub API rate limit must be at least 1 request per minute, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.time = new ClockTimeMeter(clock);
    }

    /** Counts one request of a client. */
    public Decision check(String client) {
        Bucket bucket = buckets.computeIfAbsent(client, k -> Bucket.builder()
                .addLimit(l -> l.capacity(perMinute).refillIntervally(perMinute, WINDOW))
                .withCustomTimePrecision(time)
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Instant now = clock.instant();
        Duration untilRefill = Duration.ofNanos(probe.isConsumed() ? probe.getNanosToWaitForReset()
                : probe.getNanosToWaitForRefill());
        return new Decision(perMinute, probe.isConsumed(), probe.getRemainingTokens(), now.plus(untilRefill), untilRefill);
    }

    /** Forgets every quota used so far. */
    public void reset() {
        buckets.clear();
    }

    /**
     * The outcome for one request.
     *
     * @param reset      when the quota is whole again (allowed) or when the next request may go (refused)
     * @param retryAfter how long until then
     */
    public record Decision(long limit, boolean allowed, long remaining, Instant reset, Duration retryAfter) {
    }
}
