package dev.hubsim.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Which requests may be sent again and which answers call for it.
 * <ul>
 *   <li>Idempotent, so retried: {@code GET}, {@code HEAD}, and {@code PUT} of a manifest (the same bytes under the
 *   same reference give the same state).</li>
 *   <li>Never retried: {@code POST} and {@code PATCH} (a second upload session or chunk; {@code BlobUpload} resumes
 *   a chunk from the offset the registry reports instead), the {@code PUT} that commits an upload and
 *   {@code DELETE} (after a lost answer, a retry would fail a request that succeeded).</li>
 *   <li>Retried answers: 502, 503 and 504, and 429 only with a {@code Retry-After} the caller allows waiting; any
 *   answer whose {@code Retry-After} is longer than allowed is not retried.</li>
 * </ul>
 * Connection failures (refused, reset, timed out) are retried for idempotent requests.
 */
final class RetryRules {
    private static final Set<Integer> GATEWAY_FAILURES = Set.of(502, 503, 504);

    private final Duration maxRetryAfterWait;
    private final Clock clock;

    RetryRules(Duration maxRetryAfterWait, Clock clock) {
        this.maxRetryAfterWait = maxRetryAfterWait;
        this.clock = clock;
    }

    static boolean idempotent(Request request) {
        return switch (request.method()) {
            case "GET", "HEAD" -> true;
            case "PUT" -> request.url().encodedPath().contains("/manifests/");
            default -> false;
        };
    }

    boolean shouldRetry(Response response) {
        Optional<Duration> retryAfter = RetryAfter.of(response, clock.instant());
        boolean waitAllowed = retryAfter.map(wait -> wait.compareTo(maxRetryAfterWait) <= 0).orElse(true);
        if (response.code() == 429) {
            return retryAfter.isPresent() && waitAllowed;
        }
        return GATEWAY_FAILURES.contains(response.code()) && waitAllowed;
    }
}
