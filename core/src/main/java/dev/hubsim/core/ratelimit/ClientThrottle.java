package dev.hubsim.core.ratelimit;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.RateLimitException;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Objects;

/**
 * A client-side limit with Bucket4j: at most {@code permits} counted requests per {@code period}, refilled
 * gradually, so that many calls sharing one client stay under a rate the caller chose. A request waits for a permit
 * up to {@code maxWait}, then fails with a {@link RateLimitException}.
 */
public final class ClientThrottle {
    private final Bucket bucket;
    private final long permits;
    private final Duration period;
    private final Duration maxWait;

    private ClientThrottle(long permits, Duration period, Duration maxWait) {
        this.permits = permits;
        this.period = period;
        this.maxWait = maxWait;
        this.bucket = Bucket.builder().addLimit(limit -> limit.capacity(permits).refillGreedy(permits, period)).build();
    }

    /** At most {@code permits} per {@code period}, waiting at most {@code maxWait} for one. */
    public static ClientThrottle of(long permits, Duration period, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("throttle permits must be >= 1, got " + permits);
        }
        Objects.requireNonNull(period, "period");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("throttle period must be positive, got " + period);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        return new ClientThrottle(permits, period, maxWait);
    }

    /** Takes a permit, waiting for one if needed. */
    void acquire(RequiredAccess access) {
        boolean granted;
        try {
            granted = bucket.asBlocking().tryConsume(1, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            granted = false;
        }
        if (!granted) {
            throw new RateLimitException(access.operation(), access.target(), 0, null, "the client-side throttle ("
                    + permits + " per " + period.toSeconds() + " s) had no permit within " + maxWait.toMillis() + " ms");
        }
    }

    @Override
    public String toString() {
        return "ClientThrottle[" + permits + " per " + period + "]";
    }
}
