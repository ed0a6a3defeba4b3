package dev.hubsim.core.observability;

import static dev.hubsim.core.registry.MockRegistry.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.core.registry.MockRegistry;
import dev.hubsim.core.testing.EmptyImage;
import dev.hubsim.core.registry.MutableClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.tck.MeterRegistryAssert;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's meters, read back from a {@link SimpleMeterRegistry}. */
class MetricsTest {

    private final MockRegistry registry;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock();
    private final DockerHubClient client;

    MetricsTest() throws IOException {
        registry = new MockRegistry();
        client = registry.client().meterRegistry(meters).clock(clock).maxRetries(0)
                .circuitBreaker(2, Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void pullsPushesAndBytesAreCounted() {
        registry.answer(request -> switch (request.getMethod()) {
            case "GET" -> status(200).setHeader("Content-Type", EmptyImage.MEDIA_TYPE)
                    .body(EmptyImage.MANIFEST).build();
            case "POST" -> status(202).setHeader("Location", "/v2/alice/app/blobs/uploads/u1").build();
            default -> status(201).build();
        });

        client.registry().getManifest(ImageReference.parse("alice/app:1"));
        client.registry().pushBlob("alice/app", BlobContent.of(new byte[5]));
        client.registry().putManifest(ImageReference.parse("alice/app:2"), EmptyImage.MEDIA_TYPE,
                EmptyImage.MANIFEST.getBytes());

        assertThat(meters.get(ClientMetrics.PULLS).counter().count()).isEqualTo(1);
        assertThat(meters.get(ClientMetrics.PUSHES).counter().count()).isEqualTo(1);
        assertThat(meters.get(ClientMetrics.BYTES_DOWNLOADED).counter().count()).isEqualTo(EmptyImage.MANIFEST.length());
        assertThat(meters.get(ClientMetrics.BYTES_UPLOADED).counter().count()).isEqualTo(5 + EmptyImage.MANIFEST.length());
    }

    @Test
    void requestLatencyIsATimerWithAHistogramTaggedByFamilyMethodAndOutcome() {
        registry.answer(request -> status(404).build());

        client.registry().checkManifest(ImageReference.parse("alice/app:1"));
        client.registry().checkManifest(ImageReference.parse("alice/app:2"));

        Timer timer = meters.get(ClientMetrics.REQUESTS).tags("family", "registry", "method", "HEAD", "outcome", "404")
                .timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.takeSnapshot().histogramCounts()).extracting(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))
                .contains(50.0, 250.0, 1000.0, 5000.0, 30000.0);
        assertThat(timer.takeSnapshot().histogramCounts()[timer.takeSnapshot().histogramCounts().length - 1].count())
                .isEqualTo(2);
    }

    @Test
    void errorsAreCountedByRegistryErrorCodeOrStatus() {
        registry.answer(request -> request.getUrl().encodedPath().endsWith("/missing")
                ? status(404).body("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}").build()
                : status(418).body("{\"errors\":[{\"code\":\"MADE_UP\"}]}").build());

        for (String tag : new String[] {"missing", "missing", "teapot"}) {
            assertThatThrownBy(() -> client.registry().getManifest(ImageReference.parse("alice/app:" + tag)))
                    .isInstanceOf(RegistryErrorException.class);
        }

        MeterRegistryAssert.assertThat(meters)
                .hasMeterWithNameAndTags(ClientMetrics.ERRORS,
                        Tags.of("family", "registry", "code", "MANIFEST_UNKNOWN"))
                .hasMeterWithNameAndTags(ClientMetrics.ERRORS,
                        Tags.of("family", "registry", "code", "HTTP_418"));
        assertThat(meters.get(ClientMetrics.ERRORS).tag("code", "MANIFEST_UNKNOWN").counter().count()).isEqualTo(2);
        assertThat(meters.get(ClientMetrics.PULLS).counter().count()).isZero();
    }

    @Test
    void rateLimitGaugesFollowTheLastManifestAnswer() {
        assertThat(meters.get(ClientMetrics.RATE_LIMIT_REMAINING).tag("kind", "pull").gauge().value()).isNaN();
        registry.answer(request -> status(200).setHeader("Docker-Content-Digest", Digest.sha256(EmptyImage.MANIFEST.getBytes()))
                .setHeader("ratelimit-limit", "100;w=21600")
                .setHeader("ratelimit-remaining", "42;w=21600").build());

        client.registry().checkManifest(ImageReference.parse("alice/app:1"));

        assertThat(meters.get(ClientMetrics.RATE_LIMIT_LIMIT).tag("kind", "pull").gauge().value()).isEqualTo(100);
        assertThat(meters.get(ClientMetrics.RATE_LIMIT_REMAINING).tag("kind", "pull").gauge().value()).isEqualTo(42);
        assertThat(meters.get(ClientMetrics.RATE_LIMIT_REMAINING).tag("kind", "hub").gauge().value()).isNaN();
    }

    @Test
    void circuitStateGaugesShowTheCurrentStateAndOpenRejectionsAreErrors() {
        registry.answer(request -> status(503).build());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.registry().checkManifest(ImageReference.parse("alice/app:1")));
        }

        assertThat(meters.get(ClientMetrics.CIRCUIT_STATE).tags("family", "registry", "state", "open").gauge().value())
                .isEqualTo(1);
        assertThat(meters.get(ClientMetrics.CIRCUIT_STATE).tags("family", "registry", "state", "closed").gauge().value())
                .isZero();
        assertThat(meters.get(ClientMetrics.CIRCUIT_STATE).tags("family", "auth", "state", "closed").gauge().value())
                .isEqualTo(1);
        assertThat(meters.get(ClientMetrics.ERRORS).tag("code", "CIRCUIT_OPEN").counter().count()).isEqualTo(1);
        assertThat(meters.get(ClientMetrics.ERRORS).tag("code", "HTTP_503").counter().count()).isEqualTo(2);
    }

    @Test
    void vulnerabilityGaugesAreSetPerImageAndSeverityAndAScanReplacesTheLast() {
        client.metrics().recordVulnerabilities("alice/app:1", Map.of("CRITICAL", 2L, "high", 5L));
        client.metrics().recordVulnerabilities("alice/app:1", Map.of("high", 1L, "low", 7L));
        client.metrics().recordVulnerabilities("bob/tool:2", Map.of("critical", 3L));

        assertThat(vulnerabilities("alice/app:1", "critical")).isZero();
        assertThat(vulnerabilities("alice/app:1", "high")).isEqualTo(1);
        assertThat(vulnerabilities("alice/app:1", "low")).isEqualTo(7);
        assertThat(vulnerabilities("bob/tool:2", "critical")).isEqualTo(3);
        assertThatThrownBy(() -> client.metrics().recordVulnerabilities(" ", Map.of()))
                .hasMessageContaining("image must not be blank");
        assertThatThrownBy(() -> client.metrics().recordVulnerabilities("alice/app:1", Map.of("high", -1L)))
                .hasMessageContaining("count >= 0");
    }

    private double vulnerabilities(String image, String severity) {
        return meters.get(ClientMetrics.VULNERABILITIES).tags("image", image, "severity", severity).gauge().value();
    }
}
