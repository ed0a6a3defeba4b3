package dev.hubsim.core.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * How requests are retried: at most {@code maxRetries} times after the first attempt, waiting an exponential backoff
 * with jitter (starting at {@code initialBackoff}, doubling, each wait drawn within ±50 %, never above
 * {@code maxBackoff}), or the server's {@code Retry-After} when it is at most {@code maxRetryAfterWait}.
 * A {@code Retry-After} longer than that is never shortened: the answer goes back to the caller instead.
 *
 * @param maxRetries        retries after the first attempt (0: none)
 * @param initialBackoff    the first wait, default 500 ms
 * @param maxBackoff        the longest wait, default 10 s
 * @param maxRetryAfterWait the longest {@code Retry-After} the client waits, default zero: a 429 is never retried
 */
public record RetrySettings(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfterWait) {
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(10);
    /** Each wait is drawn from [w·(1−j), w·(1+j)] for the exponential wait w. */
    public static final double JITTER = 0.5;
    public static final double MULTIPLIER = 2.0;

    public RetrySettings {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
        }
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than initialBackoff ("
                    + initialBackoff + ")");
        }
        Objects.requireNonNull(maxRetryAfterWait, "maxRetryAfterWait");
        if (maxRetryAfterWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfterWait must not be negative, got " + maxRetryAfterWait);
        }
    }

    /** The defaults with this many retries. */
    public static RetrySettings of(int maxRetries) {
        return new RetrySettings(maxRetries, DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, Duration.ZERO);
    }

    public RetrySettings withMaxRetries(int retries) {
        return new RetrySettings(retries, initialBackoff, maxBackoff, maxRetryAfterWait);
    }

    public RetrySettings withBackoff(Duration initial, Duration max) {
        return new RetrySettings(maxRetries, initial, max, maxRetryAfterWait);
    }

    public RetrySettings withMaxRetryAfterWait(Duration wait) {
        return new RetrySettings(maxRetries, initialBackoff, maxBackoff, wait);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
