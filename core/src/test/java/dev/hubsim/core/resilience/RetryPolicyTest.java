package dev.hubsim.core.resilience;

import static dev.hubsim.core.registry.MockRegistry.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.error.RegistryErrorException;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.core.registry.MockRegistry;
import dev.hubsim.core.testing.EmptyImage;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The retry layer of the client's policy, against a MockWebServer registry. */
class RetryPolicyTest {
    private static final ImageReference APP = ImageReference.parse("127.0.0.1:5000/alice/app:1");

    private final MockRegistry registry;

    RetryPolicyTest() throws IOException {
        registry = new MockRegistry();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    /** A client with quick retries (OkHttp's own silent retry is off in every client: only the policy retries). */
    private DockerHubClient.Builder client() {
        return registry.client().retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    /** The first {@code failures} answers come from {@code failure}, then the manifest. */
    private void failFirst(int failures, MockResponse failure) {
        AtomicInteger calls = new AtomicInteger();
        registry.answer(request -> calls.getAndIncrement() < failures ? failure : manifest(request));
    }

    private static MockResponse manifest(RecordedRequest request) {
        return status(200).setHeader("Content-Type", EmptyImage.MEDIA_TYPE).body(EmptyImage.MANIFEST).build();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {502, 503, 504})
    void gatewayFailuresAreRetried(int code) {
        failFirst(2, status(code).build());

        assertThat(client().build().registry().getManifest(APP).bytes()).asString().isEqualTo(EmptyImage.MANIFEST);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void connectionFailuresAreRetried() {
        failFirst(2, status(200).onResponseStart(new SocketEffect.CloseSocket()).build());

        assertThat(client().build().registry().getManifest(APP).bytes()).asString().isEqualTo(EmptyImage.MANIFEST);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void retriesStopAtMaxRetriesAndTheLastAnswerIsReported() {
        registry.answer(request -> status(503).body("{\"errors\":[{\"code\":\"UNAVAILABLE\"}]}").build());

        assertThatThrownBy(() -> client().maxRetries(2).build().registry().getManifest(APP))
                .isInstanceOfSatisfying(RegistryErrorException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        failFirst(1, status(200).onResponseStart(new SocketEffect.CloseSocket()).build());

        assertThatThrownBy(() -> client().maxRetries(0).build().registry().getManifest(APP))
                .isInstanceOf(TransportException.class);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void aTooManyRequestsAnswerWithoutRetryAfterIsNeverRetried() {
        failFirst(1, status(429).body("{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}").build());

        assertThatThrownBy(() -> client().rateLimitWait(Duration.ofMinutes(1)).build().registry().getManifest(APP))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e).hasMessageContaining("TOOMANYREQUESTS (slow down)");
                });
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void retryAfterIsNotWaitedForUnlessTheCallerAllowsIt() {
        failFirst(1, status(429).setHeader("Retry-After", "1").build());

        assertThatThrownBy(() -> client().build().registry().getManifest(APP))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)))
                .hasMessageEndingWith("retry in 1 s");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void retryAfterWithinTheAllowedWaitIsHonoured() {
        failFirst(1, status(429).setHeader("Retry-After", "1").build());
        long start = System.nanoTime();

        client().rateLimitWait(Duration.ofSeconds(2)).build().registry().getManifest(APP);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(registry.requests()).hasSize(2);
    }

    @Test
    void aRetryAfterLongerThanAllowedIsNotShortened() {
        failFirst(1, status(503).setHeader("Retry-After", "30").build());

        assertThatThrownBy(() -> client().rateLimitWait(Duration.ofSeconds(2)).build().registry().getManifest(APP))
                .isInstanceOf(RegistryErrorException.class);
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void postPatchDeleteAndTheCommittingPutAreNeverRetried() {
        registry.answer(request -> status(503).build());
        DockerHubClient client = client().chunkSize(2).build();

        assertThatThrownBy(() -> client.registry().pushBlob("alice/app", BlobContent.of(new byte[5])))
                .isInstanceOf(RegistryErrorException.class);
        assertThatThrownBy(() -> client.registry().deleteManifest(ImageReference.parse("alice/app@"
                + Digest.sha256(new byte[0])))).isInstanceOf(RegistryErrorException.class);

        assertThat(registry.requestLines()).containsExactly("POST /v2/alice/app/blobs/uploads/",
                "DELETE /v2/alice/app/manifests/" + Digest.sha256(new byte[0]));
    }

    @Test
    void aManifestPutIsIdempotentAndRetried() {
        AtomicInteger calls = new AtomicInteger();
        registry.answer(request -> calls.getAndIncrement() == 0 ? status(503).build()
                : status(201).setHeader("Docker-Content-Digest", Digest.sha256(EmptyImage.MANIFEST.getBytes())).build());

        client().build().registry().putManifest(APP, EmptyImage.MEDIA_TYPE, EmptyImage.MANIFEST.getBytes());

        assertThat(registry.requestLines()).containsExactly("PUT /v2/alice/app/manifests/1", "PUT /v2/alice/app/manifests/1");
    }

    @Test
    void aFailedChunkIsResumedByTheUploadNotResentByTheRetryLayer() {
        AtomicInteger patches = new AtomicInteger();
        registry.answer(request -> switch (request.getMethod()) {
            case "POST" -> status(202).setHeader("Location", "/v2/alice/app/blobs/uploads/u1").build();
            // the first PATCH is stored, then the connection drops before the answer
            case "PATCH" -> patches.incrementAndGet() == 1
                    ? status(202).onResponseStart(new SocketEffect.CloseSocket()).build()
                    : status(202).setHeader("Location", "/v2/alice/app/blobs/uploads/u1")
                            .setHeader("Range", "0-" + (patches.get() * 2 - 1)).build();
            case "GET" -> status(204).setHeader("Location", "/v2/alice/app/blobs/uploads/u1").setHeader("Range", "0-1").build();
            default -> status(201).build();
        });

        client().chunkSize(2).build().registry().pushBlob("alice/app", BlobContent.of(new byte[4]));

        assertThat(registry.requestLines()).containsExactly("POST /v2/alice/app/blobs/uploads/",
                "PATCH /v2/alice/app/blobs/uploads/u1", "GET /v2/alice/app/blobs/uploads/u1",
                "PATCH /v2/alice/app/blobs/uploads/u1",
                "PUT /v2/alice/app/blobs/uploads/u1?digest=" + Digest.sha256(new byte[4]).toString().replace(":", "%3A"));
    }
}
