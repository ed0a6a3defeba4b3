package dev.hubsim.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubsim.core.resilience.EndpointFamily;
import org.junit.jupiter.api.Test;

/** The order of the cross-cutting policy is the one {@link DockerHubClient#policy} documents. */
class PolicyOrderTest {
    private final DockerHubClient client = DockerHubClient.builder().build();

    @Test
    void registryRequestsPassSpansRetryBreakerRateLimitAuthThenTheWire() {
        assertThat(client.policy(EndpointFamily.REGISTRY)).extracting(i -> i.getClass().getSimpleName()).containsExactly(
                "RequestObservationInterceptor", "RetryInterceptor", "CircuitBreakerInterceptor", "RateLimitInterceptor",
                "RegistryAuthInterceptor", "HttpExecuteInterceptor");
    }

    @Test
    void hubRequestsHaveNoRegistryAuthAndTokenRequestsNoRateLimit() {
        assertThat(client.policy(EndpointFamily.HUB)).extracting(i -> i.getClass().getSimpleName()).containsExactly(
                "RequestObservationInterceptor", "RetryInterceptor", "CircuitBreakerInterceptor", "RateLimitInterceptor",
                "HttpExecuteInterceptor");
        assertThat(client.policy(EndpointFamily.AUTH)).extracting(i -> i.getClass().getSimpleName()).containsExactly(
                "RequestObservationInterceptor", "RetryInterceptor", "CircuitBreakerInterceptor", "HttpExecuteInterceptor");
    }
}
