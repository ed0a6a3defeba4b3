package dev.hubsim.core.observability;

import static dev.hubsim.core.registry.MockRegistry.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.core.registry.MockRegistry;
import dev.hubsim.core.testing.EmptyImage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's spans and how they nest, recorded by Micrometer's {@link TestObservationRegistry}. */
class TracingTest {

    private final MockRegistry registry;
    private final TestObservationRegistry observations = TestObservationRegistry.create();
    private final DockerHubClient client;

    TracingTest() throws IOException {
        registry = new MockRegistry();
        registry.answer(this::answer);
        client = registry.client().authUrl(registry.url("/")).credentials("alice", SecretString.of("pw-never-logged"))
                .chunkSize(3).observationRegistry(observations).build();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    /** A registry that challenges requests without a token, with its token service on the same port. */
    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/token")) {
            return status(200).body("{\"token\":\"tok-1\",\"expires_in\":300}").build();
        }
        if (request.getHeaders().get("Authorization") == null) {
            return status(401).setHeader("WWW-Authenticate", "Bearer realm=\"" + registry.url("/token")
                    + "\",service=\"test\"").build();
        }
        return switch (request.getMethod()) {
            case "GET" -> status(200).setHeader("Content-Type", EmptyImage.MEDIA_TYPE).body(EmptyImage.MANIFEST)
                    .build();
            case "HEAD" -> status(404).build();
            case "POST", "PATCH" -> status(202).setHeader("Location", "/v2/alice/app/blobs/uploads/u1")
                    .setHeader("Range", "0-2").build();
            default -> status(201).build();
        };
    }

    @Test
    void aManifestGetNestsTheRequestTheRateLimitCheckTheTokenAndEachAttemptOnTheWire() {
        client.registry().getManifest(ImageReference.parse("alice/app:1"));

        assertThat(paths()).containsExactlyInAnyOrder(
                "docker.manifest.get",
                "docker.manifest.get > docker.request",
                "docker.manifest.get > docker.request > docker.rate_limiter.check",
                "docker.manifest.get > docker.request > docker.http.execute",
                "docker.manifest.get > docker.request > docker.auth.get_token",
                "docker.manifest.get > docker.request > docker.auth.get_token > docker.http.execute",
                "docker.manifest.get > docker.request > docker.http.execute");
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo("docker.request").that()
                .hasLowCardinalityKeyValue("family", "registry").hasLowCardinalityKeyValue("status", "200")
                .hasHighCardinalityKeyValue("url.path", "/v2/alice/app/manifests/1").doesNotHaveError()
                .hasParentObservationContextMatching(parent -> parent.getName().equals("docker.manifest.get"));
        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo("docker.auth.get_token").that()
                .hasLowCardinalityKeyValue("family", "auth");
    }

    @Test
    void aChunkedBlobUploadHasInitiateChunksAndComplete() {
        // learn the realm first: the push token is then fetched before the POST, without a 401
        client.registry().checkManifest(ImageReference.parse("alice/app:warm-the-token"));
        observations.clear();

        client.registry().pushBlob("alice/app", BlobContent.of(new byte[6]));

        assertThat(paths()).containsExactlyInAnyOrder(
                "docker.blob.upload",
                "docker.blob.upload > docker.blob.initiate",
                "docker.blob.upload > docker.blob.initiate > docker.request",
                "docker.blob.upload > docker.blob.initiate > docker.request > docker.auth.get_token",
                "docker.blob.upload > docker.blob.initiate > docker.request > docker.auth.get_token > docker.http.execute",
                "docker.blob.upload > docker.blob.initiate > docker.request > docker.http.execute",
                "docker.blob.upload > docker.blob.chunk",
                "docker.blob.upload > docker.blob.chunk > docker.request",
                "docker.blob.upload > docker.blob.chunk > docker.request > docker.http.execute",
                "docker.blob.upload > docker.blob.chunk",
                "docker.blob.upload > docker.blob.chunk > docker.request",
                "docker.blob.upload > docker.blob.chunk > docker.request > docker.http.execute",
                "docker.blob.upload > docker.blob.complete",
                "docker.blob.upload > docker.blob.complete > docker.request",
                "docker.blob.upload > docker.blob.complete > docker.request > docker.http.execute");
        TestObservationRegistryAssert.assertThat(observations).forAllObservationsWithNameEqualTo("docker.blob.chunk",
                chunk -> chunk.hasHighCardinalityKeyValue("repository", "alice/app"));
    }

    @Test
    void aFailedRequestIsAnErrorOnItsSpan() {
        registry.answer(request -> status(200).onResponseStart(new SocketEffect.CloseSocket()).build());
        DockerHubClient failing = client.newBuilder().maxRetries(0).build();

        try {
            failing.registry().checkManifest(ImageReference.parse("alice/app:1"));
        } catch (RuntimeException expected) {
            // the span is what this test looks at
        }

        TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo("docker.request").that()
                .hasError();
    }

    /** Each observation as the names from its root down, e.g. {@code docker.manifest.get > docker.request}. */
    private List<String> paths() {
        AtomicReference<List<String>> paths = new AtomicReference<>();
        TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
            List<String> all = new ArrayList<>();
            for (Observation.Context context : contexts) {
                StringBuilder path = new StringBuilder(context.getName());
                ObservationView parent = context.getParentObservation();
                while (parent != null) {
                    path.insert(0, parent.getContextView().getName() + " > ");
                    parent = parent.getContextView().getParentObservation();
                }
                all.add(path.toString());
            }
            paths.set(all);
        });
        return paths.get();
    }
}
