package dev.hubsim.simulator.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Docker Hub's pull rate limit: one Bucket4j bucket per source (an anonymous client's IP, an account's id), refilled
 * whole at the end of each window, driven by the simulator's clock so tests can move time instead of waiting.
 */
public final class PullRateLimiter {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;
    private volatile RateLimitPolicy policy;

    public PullRateLimiter(RateLimitPolicy policy, Clock clock) {
        this.policy = policy;
        this.time = new ClockTimeMeter(clock);
    }

    /** Replaces the policy; every quota starts afresh. */
    public void setPolicy(RateLimitPolicy policy) {
        this.policy = policy;
        buckets.clear();
    }

    /** Forgets every quota used so far. */
    public void reset() {
        buckets.clear();
    }

    /**
     * Counts one pull ({@code consume}) or just looks ({@code HEAD}); empty when the source is unlimited, so no
     * headers are sent.
     */
    public Optional<Decision> check(boolean authenticated, String source, boolean consume) {
        Optional<PullLimit> limit = authenticated ? policy.authenticated() : policy.anonymous();
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        PullLimit pullLimit = limit.get();
        String key = (authenticated ? "account:" : "ip:") + source;
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(l -> l.capacity(pullLimit.count()).refillIntervally(pullLimit.count(), pullLimit.window()))
                .withCustomTimePrecision(time)
                .build());
        if (!consume) {
            return Optional.of(new Decision(pullLimit, true, bucket.getAvailableTokens(), Duration.ZERO, source, authenticated));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        return Optional.of(new Decision(pullLimit, probe.isConsumed(), probe.getRemainingTokens(), wait, source, authenticated));
    }

    /** The outcome for one request: the limit, whether it may go on, what remains, and how long to wait if not. */
    public record Decision(PullLimit limit, boolean allowed, long remaining, Duration retryAfter, String source,
                           boolean authenticated) {
    }
}
