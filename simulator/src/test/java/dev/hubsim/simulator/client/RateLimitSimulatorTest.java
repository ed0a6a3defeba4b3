package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.ratelimit.RateLimitStatus;
import dev.hubsim.core.ratelimit.RateLimitStatus.Quota;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.journal.JournalQuery;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import java.time.Clock;
import java.time.Duration;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's view of Docker Hub's pull rate limit against the simulator's (Bucket4j on its virtual clock, Docker
 * Hub's headers, 429 {@code TOOMANYREQUESTS} with {@code Retry-After}), and its handling of 429s.
 */
class RateLimitSimulatorTest {
    private static final ImageReference NGINX = ImageReference.parse("nginx:1.0");

    private final ClientHub hub = ClientHub.start(options -> options.clock(Clock.systemUTC())
            .rateLimit(RateLimitPolicy.parse("anonymous=3/1h")));

    @AfterEach
    void stop() {
        hub.close();
    }

    private DockerHubClient.Builder client() {
        return hub.anonymous().clock(hub.simulator.clock()).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    /** Manifest GETs the simulator answered, leaving out the 401 challenges of tokenless first attempts. */
    private long manifestGets() {
        return hub.simulator.journal().entries(JournalQuery.all().method("GET").operation(Operation.MANIFEST_GET))
                .stream().filter(entry -> entry.status() != 401).count();
    }

    @Test
    void statusMatchesTheSimulatorsHeadersAfterEachPullAndAnExhaustedQuotaFailsFastUntilTheWindowResets() {
        DockerHubClient client = client().build();

        for (int pull = 1; pull <= 3; pull++) {
            client.registry().getManifest(NGINX);

            Headers sent = hub.responseHeaders.get(hub.responseHeaders.size() - 1);
            RateLimitStatus status = client.rateLimit();
            assertThat(status.quota()).isEqualTo(Quota.LIMITED);
            assertThat(status.limit() + ";w=" + status.window().toSeconds()).isEqualTo(sent.get("ratelimit-limit"));
            assertThat(status.remaining() + ";w=" + status.window().toSeconds()).isEqualTo(sent.get("ratelimit-remaining"));
            assertThat(status.source()).isEqualTo(sent.get("docker-ratelimit-source")).isNotBlank();
            assertThat(status.remaining()).isEqualTo(3 - pull);
        }

        assertThatThrownBy(() -> client.registry().getManifest(NGINX))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.status()).as("refused by the client").isZero();
                    assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                            .isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
                })
                .hasMessageContaining("no pulls left (0 of 3 per 3600 s");
        assertThat(manifestGets()).isEqualTo(3);

        hub.simulator.clock().advance(Duration.ofHours(1));
        client.registry().getManifest(NGINX);

        assertThat(manifestGets()).isEqualTo(4);
        assertThat(client.rateLimit().remaining()).isEqualTo(2);
    }

    @Test
    void theSimulatorsTooManyRequestsIsNotRetriedBlindlyAndItsRetryAfterIsReported() {
        for (int pull = 0; pull < 3; pull++) {
            client().build().registry().getManifest(NGINX);
        }
        DockerHubClient fresh = client().maxRetries(3).build();

        assertThatThrownBy(() -> fresh.registry().getManifest(NGINX))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                            .isGreaterThan(Duration.ofMinutes(59)).isLessThanOrEqualTo(Duration.ofHours(1)));
                })
                .hasMessageContaining("TOOMANYREQUESTS (You have reached your unauthenticated pull rate limit.");
        assertThat(manifestGets()).as("one refused GET, not retried").isEqualTo(4);
        assertThat(fresh.rateLimit().remaining()).isZero();

        assertThatThrownBy(() -> fresh.registry().getManifest(NGINX))
                .isInstanceOfSatisfying(RateLimitException.class, e -> assertThat(e.status()).isZero());
        assertThat(manifestGets()).isEqualTo(4);
    }

    @Test
    void retryAfterIsHonouredOnlyWhenTheCallerAllowsTheWait() {
        hub.simulator.faults().add(FaultRule.when().operation(Operation.MANIFEST_GET).method("GET").once()
                .respond(429, RegistryErrorCode.TOOMANYREQUESTS, Duration.ofSeconds(1)));
        assertThatThrownBy(() -> client().build().registry().getManifest(NGINX))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
        assertThat(manifestGets()).isEqualTo(1);

        hub.simulator.faults().add(FaultRule.when().operation(Operation.MANIFEST_GET).method("GET").once()
                .respond(429, RegistryErrorCode.TOOMANYREQUESTS, Duration.ofSeconds(1)));
        long start = System.nanoTime();
        client().rateLimitWait(Duration.ofSeconds(5)).build().registry().getManifest(NGINX);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(manifestGets()).isEqualTo(3);
    }
}
