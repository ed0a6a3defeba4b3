package dev.hubsim.core.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A rate limit stopped the request: Docker Hub answered 429 ({@code TOOMANYREQUESTS} for pulls, the Hub API's per
 * minute limit), or the client refused to send a request it knew would be refused (no pulls left before the window
 * resets, or the client-side throttle could not hand out a permit in time). {@link #retryAfter()} says how long to
 * wait, when known.
 */
public final class RateLimitException extends DockerHubException {
    private final int status;
    private final Duration retryAfter;

    /**
     * @param status     429 when the server refused, 0 when the client refused before sending
     * @param retryAfter how long to wait before trying again, or null when unknown
     */
    public RateLimitException(String operation, String target, int status, Duration retryAfter, String reason) {
        super(operation, target, reason + (retryAfter == null ? "" : "; retry in " + seconds(retryAfter) + " s"), null);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** 429 when Docker Hub refused the request, 0 when the client refused it before sending. */
    public int status() {
        return status;
    }

    /** How long to wait before the request can succeed, when known. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static long seconds(Duration wait) {
        return wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    }
}
