package dev.hubsim.core.resilience;

import static dev.hubsim.core.registry.MockRegistry.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.CircuitOpenException;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.MockRegistry;
import dev.hubsim.core.registry.MutableClock;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry family's circuit breaker, on the client's clock, against a MockWebServer registry. */
class CircuitBreakerPolicyTest {
    private static final ImageReference APP = ImageReference.parse("alice/app:1");

    private final MockRegistry registry;
    private final MutableClock clock = new MutableClock();
    private final DockerHubClient client;

    CircuitBreakerPolicyTest() throws IOException {
        registry = new MockRegistry();
        client = registry.client().maxRetries(0).circuitBreaker(3, Duration.ofSeconds(30)).clock(clock).build();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void opensAfterTheThresholdRejectsFastHalfOpensAfterTheResetTimeoutAndClosesOnSuccess() {
        registry.answer(request -> status(503).build());
        for (int i = 0; i < 3; i++) {
            assertThat(client.circuitState(EndpointFamily.REGISTRY)).isEqualTo(CircuitState.CLOSED);
            assertThatThrownBy(() -> client.registry().checkManifest(APP)).isInstanceOf(RegistryErrorException.class);
        }
        assertThat(client.circuitState(EndpointFamily.REGISTRY)).isEqualTo(CircuitState.OPEN);

        assertThatThrownBy(() -> client.registry().checkManifest(APP))
                .isInstanceOfSatisfying(CircuitOpenException.class, e -> {
                    assertThat(e.family()).isEqualTo("registry");
                    assertThat(e.resetTimeout()).isEqualTo(Duration.ofSeconds(30));
                })
                .hasMessageContaining("check manifest 1 on alice/app")
                .hasMessageContaining("registry circuit breaker is open after 3 failed requests");
        assertThat(registry.requests()).hasSize(3);

        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> client.registry().checkManifest(APP)).isInstanceOf(CircuitOpenException.class);
        clock.advance(Duration.ofMillis(1001));
        registry.answer(request -> status(404).build());

        assertThat(client.registry().checkManifest(APP)).isEmpty();
        assertThat(client.circuitState(EndpointFamily.REGISTRY)).isEqualTo(CircuitState.CLOSED);
        assertThat(client.circuitState(EndpointFamily.AUTH)).isEqualTo(CircuitState.CLOSED);
        assertThat(registry.requests()).hasSize(4);
    }

    @Test
    void aFailedTrialOpensTheBreakerAgain() {
        registry.answer(request -> status(200).onResponseStart(new SocketEffect.CloseSocket()).build());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.registry().checkManifest(APP)).isInstanceOf(TransportException.class);
        }
        clock.advance(Duration.ofMillis(30_001));

        assertThatThrownBy(() -> client.registry().checkManifest(APP)).isInstanceOf(TransportException.class);

        assertThat(client.circuitState(EndpointFamily.REGISTRY)).isEqualTo(CircuitState.OPEN);
        assertThatThrownBy(() -> client.registry().checkManifest(APP)).isInstanceOf(CircuitOpenException.class);
        assertThat(registry.requests()).hasSize(4);
    }

    @Test
    void clientErrorsAndRateLimitsDoNotCountAsFailures() {
        registry.answer(request -> request.getMethod().equals("HEAD") ? status(404).build() : status(429).build());
        for (int i = 0; i < 5; i++) {
            assertThat(client.registry().checkManifest(APP)).isEmpty();
            assertThatThrownBy(() -> client.registry().deleteManifest(ImageReference.parse("alice/app@"
                    + Digest.sha256(new byte[0])))).isInstanceOf(RateLimitException.class);
        }

        assertThat(client.circuitState(EndpointFamily.REGISTRY)).isEqualTo(CircuitState.CLOSED);
    }
}
