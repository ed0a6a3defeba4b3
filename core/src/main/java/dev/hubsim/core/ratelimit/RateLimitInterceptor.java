package dev.hubsim.core.ratelimit;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.observability.DockerSpans;
import dev.hubsim.core.resilience.EndpointFamily;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Rate limits around each attempt: before a counted request, in a {@code docker.rate_limiter.check} span, the
 * client-side throttle (when configured) and the fail-fast check of the {@link RateLimitTracker}; after it, the
 * tracker reads the answer's headers.
 */
public final class RateLimitInterceptor implements Interceptor {
    private final EndpointFamily family;
    private final RateLimitTracker tracker;
    private final ClientThrottle throttle;
    private final ObservationRegistry observations;

    /**
     * @param throttle the client-side throttle, or null for none
     */
    public RateLimitInterceptor(EndpointFamily family, RateLimitTracker tracker, ClientThrottle throttle,
                                ObservationRegistry observations) {
        this.family = family;
        this.tracker = tracker;
        this.throttle = throttle;
        this.observations = observations;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (RateLimitTracker.counted(family, request)) {
            Observation.createNotStarted(DockerSpans.RATE_LIMITER_CHECK, observations)
                    .lowCardinalityKeyValue("family", family.tag())
                    .observe(() -> {
                        if (throttle != null) {
                            throttle.acquire(RequiredAccess.of(request));
                        }
                        tracker.checkBefore(family, request);
                    });
        }
        Response response = chain.proceed(request);
        tracker.observe(family, response);
        return response;
    }
}
