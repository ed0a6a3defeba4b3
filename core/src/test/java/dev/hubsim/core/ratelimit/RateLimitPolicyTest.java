package dev.hubsim.core.ratelimit;

import static dev.hubsim.core.registry.MockRegistry.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.ratelimit.RateLimitStatus.Quota;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.MockRegistry;
import dev.hubsim.core.testing.EmptyImage;
import dev.hubsim.core.testing.StandardErr;
import dev.hubsim.core.registry.MutableClock;
import dev.hubsim.core.resilience.EndpointFamily;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate-limit status, fail-fast and throttle, through the client against a MockWebServer registry. */
class RateLimitPolicyTest {
    private static final ImageReference APP = ImageReference.parse("alice/app:1");

    private final MockRegistry registry;
    private final MutableClock clock = new MutableClock();
    /** What the next manifest answer says remains. */
    private final AtomicLong remaining = new AtomicLong(76);

    RateLimitPolicyTest() throws IOException {
        registry = new MockRegistry();
        registry.answer(request -> status(200).setHeader("Content-Type", EmptyImage.MEDIA_TYPE)
                .setHeader("Docker-Content-Digest", Digest.sha256(EmptyImage.MANIFEST.getBytes()))
                .setHeader("ratelimit-limit", "100;w=21600")
                .setHeader("ratelimit-remaining", remaining.get() + ";w=21600")
                .setHeader("docker-ratelimit-source", "192.0.2.1")
                .body(request.getMethod().equals("HEAD") ? "" : EmptyImage.MANIFEST).build());
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private DockerHubClient.Builder client() {
        return registry.client().clock(clock);
    }

    @Test
    void statusIsUnknownUntilAManifestAnswerAndThenMatchesItsHeaders() {
        DockerHubClient client = client().build();
        assertThat(client.rateLimit()).isEqualTo(RateLimitStatus.UNKNOWN);

        client.registry().getManifest(APP);

        assertThat(client.rateLimit()).isEqualTo(new RateLimitStatus(Quota.LIMITED, 100, 76, Duration.ofHours(6),
                "192.0.2.1", clock.instant(), null));
        assertThat(client.hubRateLimit()).isEqualTo(RateLimitStatus.UNKNOWN);
    }

    @Test
    void aManifestAnswerWithoutHeadersMeansUnlimited() {
        registry.answer(request -> status(200).setHeader("Content-Type", EmptyImage.MEDIA_TYPE)
                .body(EmptyImage.MANIFEST).build());
        DockerHubClient client = client().build();

        client.registry().getManifest(APP);

        assertThat(client.rateLimit().quota()).isEqualTo(Quota.UNLIMITED);
    }

    @Test
    void withNoneLeftAPullFailsFastUntilTheWindowResetsOrAHeadShowsPullsAgain() {
        remaining.set(0);
        DockerHubClient client = client().build();
        client.registry().getManifest(APP);
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> client.registry().getManifest(APP))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.retryAfter()).contains(Duration.ofHours(5));
                })
                .hasMessageContaining("get manifest 1 on alice/app")
                .hasMessageContaining("no pulls left (0 of 100 per 21600 s for 192.0.2.1)")
                .hasMessageEndingWith("retry in 18000 s");
        assertThat(registry.requests()).hasSize(1);

        remaining.set(40);
        assertThat(client.registry().checkManifest(APP)).isPresent();
        client.registry().getManifest(APP);
        assertThat(registry.requestLines()).containsExactly("GET /v2/alice/app/manifests/1",
                "HEAD /v2/alice/app/manifests/1", "GET /v2/alice/app/manifests/1");
    }

    @Test
    void afterTheWindowThePullIsSentAgain() {
        remaining.set(0);
        DockerHubClient client = client().build();
        client.registry().getManifest(APP);
        clock.advance(Duration.ofHours(6));
        remaining.set(99);

        client.registry().getManifest(APP);

        assertThat(client.rateLimit().remaining()).isEqualTo(99);
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void aWarningIsLoggedWhenTenOrFewerRemain() {
        DockerHubClient client = client().build();
        String log = StandardErr.capture(() -> {
            remaining.set(11);
            client.registry().getManifest(APP);
            remaining.set(10);
            client.registry().getManifest(APP);
        });

        assertThat(log).contains("WARN").contains("Docker Hub pull rate limit: 10 of 100 per 21600 s left for 192.0.2.1")
                .doesNotContain("11 of 100");
    }

    @Test
    void theClientSideThrottleRefusesWhatItCannotPermitInTime() {
        DockerHubClient client = client().throttle(2, Duration.ofHours(1)).timeout(Duration.ofMillis(300)).build();
        client.registry().getManifest(APP);
        client.registry().getManifest(APP);
        client.registry().checkManifest(APP);

        assertThatThrownBy(() -> client.registry().getManifest(APP)).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("client-side throttle (2 per 3600 s) had no permit within 300 ms");
        assertThat(registry.requests()).hasSize(3);
        assertThatThrownBy(() -> client().throttle(0, Duration.ofHours(1))).hasMessageContaining("permits");
    }

    @Test
    void theHubApiLimitIsReadFromEveryAnswerAndFailsFastUntilItsReset() throws IOException {
        RateLimitTracker tracker = new RateLimitTracker(clock);
        OkHttpClient hub = new OkHttpClient.Builder()
                .addInterceptor(new RateLimitInterceptor(EndpointFamily.HUB, tracker, null, ObservationRegistry.NOOP))
                .build();
        Instant reset = clock.instant().plusSeconds(42);
        registry.answer(request -> new MockResponse.Builder().code(200).setHeader("X-RateLimit-Limit", "180")
                .setHeader("X-RateLimit-Remaining", "0").setHeader("X-RateLimit-Reset", reset.getEpochSecond()).build());
        Request repositories = new Request.Builder().url(registry.url("/v2/namespaces/alice/repositories")).build();
        try (Response response = hub.newCall(repositories).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }

        assertThat(tracker.hub().describe()).isEqualTo("0 of 180");
        assertThatThrownBy(() -> hub.newCall(repositories).execute()).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(42)))
                .hasMessageContaining("no Hub API requests left");
        clock.advance(Duration.ofSeconds(42));
        hub.newCall(repositories).execute().close();
        assertThat(registry.requests()).hasSize(2);
    }
}
