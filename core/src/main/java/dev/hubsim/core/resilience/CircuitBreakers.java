package dev.hubsim.core.resilience;

import dev.hubsim.core.config.DockerHubConfig.CircuitBreakerSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.Interceptor;

/**
 * One resilience4j circuit breaker per {@link EndpointFamily}. A breaker opens after
 * {@code failureThreshold} failed requests in a row (a connection failure or a 500, 502, 503 or 504 answer), refuses
 * requests while open, and lets one trial request through once {@code resetTimeout} has passed by the client's clock.
 */
public final class CircuitBreakers {
    private final CircuitBreakerSettings settings;
    private final Map<EndpointFamily, CircuitBreaker> breakers = new EnumMap<>(EndpointFamily.class);

    public CircuitBreakers(CircuitBreakerSettings settings, Clock clock) {
        this.settings = settings;
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(settings.failureThreshold(), settings.failureThreshold(), SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.resetTimeout())
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build();
        for (EndpointFamily family : EndpointFamily.values()) {
            breakers.put(family, CircuitBreaker.of("docker-" + family.tag(), config));
        }
    }

    /** The interceptor that guards one family's requests. */
    public Interceptor interceptor(EndpointFamily family) {
        return new CircuitBreakerInterceptor(breakers.get(family), family, settings);
    }

    /** The breaker's state now (an open breaker whose timeout has passed reads open until the next request). */
    public CircuitState state(EndpointFamily family) {
        return switch (breakers.get(family).getState()) {
            case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
        };
    }
}
