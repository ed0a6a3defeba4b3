package dev.hubsim.simulator.webhook;

import java.time.Duration;

/**
 * How hard the simulator tries to deliver a webhook: at most {@code attempts} POSTs (the first one included), waiting
 * {@code firstBackoff} before the second and twice as long before each next one; each POST may take {@code timeout}.
 * An attempt fails on a connection error, a timeout or a status outside 2xx.
 */
public record DeliveryPolicy(int attempts, Duration firstBackoff, Duration timeout) {
    /** Four attempts, 1 s, 2 s and 4 s apart, 10 s each. */
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(10));

    public DeliveryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("webhook delivery needs at least one attempt, got " + attempts);
        }
        if (firstBackoff == null || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("the webhook backoff must be zero or positive, got " + firstBackoff);
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the webhook timeout must be positive, got " + timeout);
        }
    }

    /** The wait before attempt {@code attempt} (2 or more): the first backoff doubled for every attempt after the second. */
    Duration backoffBefore(int attempt) {
        return firstBackoff.multipliedBy(1L << Math.min(attempt - 2, 20));
    }
}
