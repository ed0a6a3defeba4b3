package dev.hubsim.core.ratelimit;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.ratelimit.RateLimitStatus.Quota;
import dev.hubsim.core.resilience.EndpointFamily;
import dev.hubsim.core.resilience.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's view of Docker Hub's rate limits, updated from every counted answer. Pulls: a manifest {@code GET}
 * is counted, a {@code HEAD} only shows the quota (and so refreshes it); answers without limit headers mean the
 * client is not limited. Hub API: every request is counted. Before a counted request, when none remain and the
 * window has not reset by the client's clock, {@link #checkBefore} refuses it. When 10 or fewer remain, each counted
 * answer logs a warning.
 */
public final class RateLimitTracker {
    /** At or below this many remaining requests, a warning is logged. */
    public static final long WARN_AT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitTracker.class);
    private static final Pattern MANIFEST_PATH = Pattern.compile("/v2/.+/manifests/[^/]+");

    private final Clock clock;
    private final AtomicReference<RateLimitStatus> pull = new AtomicReference<>(RateLimitStatus.UNKNOWN);
    private final AtomicReference<RateLimitStatus> hub = new AtomicReference<>(RateLimitStatus.UNKNOWN);

    public RateLimitTracker(Clock clock) {
        this.clock = clock;
    }

    /** The pull rate limit as the last manifest answer showed it. */
    public RateLimitStatus pull() {
        return pull.get();
    }

    /** The Hub API rate limit as the last Hub API answer showed it. */
    public RateLimitStatus hub() {
        return hub.get();
    }

    /** True when this request is counted against the family's limit. */
    static boolean counted(EndpointFamily family, Request request) {
        return switch (family) {
            case REGISTRY -> request.method().equals("GET") && isManifest(request);
            case HUB -> true;
            case AUTH -> false;
        };
    }

    /** Refuses a counted request when none remain before the reset. */
    void checkBefore(EndpointFamily family, Request request) {
        if (!counted(family, request)) {
            return;
        }
        RateLimitStatus status = family == EndpointFamily.HUB ? hub.get() : pull.get();
        Optional<Duration> wait = status.waitAt(clock.instant());
        if (wait.isPresent()) {
            RequiredAccess access = RequiredAccess.of(request);
            String what = family == EndpointFamily.HUB ? "no Hub API requests left (" + status.describe() + ")"
                    : "no pulls left (" + status.describe() + (status.source().isEmpty() ? "" : " for " + status.source())
                    + "); not sent. A HEAD of a manifest is not counted and refreshes the status";
            throw new RateLimitException(access.operation(), access.target(), 0, wait.get(), what);
        }
    }

    /** Updates the status from an answer, if it is one that shows the limit. */
    void observe(EndpointFamily family, Response response) {
        Request request = response.request();
        boolean success = response.code() >= 200 && response.code() < 300;
        boolean refused = response.code() == 429;
        if (!success && !refused) {
            return;
        }
        Instant now = clock.instant();
        Duration retryAfter = refused ? RetryAfter.of(response, now).orElse(null) : null;
        if (family == EndpointFamily.REGISTRY && isManifest(request)
                && (request.method().equals("GET") || request.method().equals("HEAD"))) {
            RateLimitStatus next = RateLimitHeaders.pull(response.headers(), now, retryAfter)
                    .orElseGet(() -> refused ? exhausted(pull.get(), now, retryAfter) : RateLimitStatus.unlimited(now));
            update(pull, next, "pull");
        } else if (family == EndpointFamily.HUB) {
            RateLimitHeaders.hub(response.headers(), now, retryAfter)
                    .or(() -> refused ? Optional.of(exhausted(hub.get(), now, retryAfter)) : Optional.empty())
                    .ifPresent(next -> update(hub, next, "Hub API"));
        }
    }

    /** A refusal without limit headers: none remain, until Retry-After or at most one known window. */
    private static RateLimitStatus exhausted(RateLimitStatus last, Instant now, Duration retryAfter) {
        Instant resetAt = retryAfter != null ? now.plus(retryAfter) : last.window() != null ? now.plus(last.window()) : null;
        return new RateLimitStatus(Quota.LIMITED, last.limit(), 0, last.window(), last.source(), now, resetAt);
    }

    private static void update(AtomicReference<RateLimitStatus> holder, RateLimitStatus next, String kind) {
        holder.set(next);
        if (next.quota() == Quota.LIMITED && next.remaining() <= WARN_AT) {
            LOG.warn("Docker Hub {} rate limit: {} left{}", kind, next.describe(),
                    next.source().isEmpty() ? "" : " for " + next.source());
        }
    }

    private static boolean isManifest(Request request) {
        return MANIFEST_PATH.matcher(request.url().encodedPath()).matches();
    }
}
