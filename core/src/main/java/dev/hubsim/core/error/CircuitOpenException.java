package dev.hubsim.core.error;

import java.time.Duration;

/**
 * The circuit breaker of an endpoint family (hub, registry, auth) is open after repeated failures: the request was
 * refused without being sent. The breaker lets a trial request through once {@link #resetTimeout()} has passed
 * since it opened.
 */
public final class CircuitOpenException extends DockerHubException {
    private final String family;
    private final Duration resetTimeout;

    public CircuitOpenException(String operation, String target, String family, int failureThreshold,
                                Duration resetTimeout) {
        super(operation, target, "the " + family + " circuit breaker is open after " + failureThreshold
                + " failed requests in a row; it lets a trial request through " + resetTimeout.toSeconds()
                + " s after it opened", null);
        this.family = family;
        this.resetTimeout = resetTimeout;
    }

    /** The endpoint family whose breaker is open: {@code hub}, {@code registry} or {@code auth}. */
    public String family() {
        return family;
    }

    /** How long the breaker stays open before it lets a trial request through. */
    public Duration resetTimeout() {
        return resetTimeout;
    }
}
