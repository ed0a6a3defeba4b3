package dev.hubsim.core.resilience;

import dev.hubsim.core.auth.RequiredAccess;
import dev.hubsim.core.config.DockerHubConfig.CircuitBreakerSettings;
import dev.hubsim.core.error.CircuitOpenException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks the family's breaker for permission before each attempt ({@link CircuitOpenException} when refused) and tells
 * it how the attempt went: a connection failure or a server failure status counts against it; any other answer
 * (404 and 429 included) counts for it; an exception of the client's own (a refused token, a rate limit known in
 * advance) gives the permission back without counting.
 */
final class CircuitBreakerInterceptor implements Interceptor {
    private static final Set<Integer> SERVER_FAILURES = Set.of(500, 502, 503, 504);

    private final CircuitBreaker breaker;
    private final EndpointFamily family;
    private final CircuitBreakerSettings settings;

    CircuitBreakerInterceptor(CircuitBreaker breaker, EndpointFamily family, CircuitBreakerSettings settings) {
        this.breaker = breaker;
        this.family = family;
        this.settings = settings;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!breaker.tryAcquirePermission()) {
            RequiredAccess access = RequiredAccess.of(request);
            throw new CircuitOpenException(access.operation(), access.target(), family.tag(),
                    settings.failureThreshold(), settings.resetTimeout());
        }
        long start = breaker.getCurrentTimestamp();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            throw e;
        } catch (RuntimeException | Error e) {
            breaker.releasePermission();
            throw e;
        }
        long elapsed = breaker.getCurrentTimestamp() - start;
        if (SERVER_FAILURES.contains(response.code())) {
            breaker.onError(elapsed, breaker.getTimestampUnit(), new IOException("HTTP " + response.code()));
        } else {
            breaker.onSuccess(elapsed, breaker.getTimestampUnit());
        }
        return response;
    }
}
