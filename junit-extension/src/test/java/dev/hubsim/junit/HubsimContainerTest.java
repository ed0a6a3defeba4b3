package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulator image, built here from the local JDK and the shaded jar ({@code scripts/build-docker-image.sh}), run
 * through {@link HubsimContainer}: a client pushes and pulls through the mapped port. Skipped, loudly, where no Docker
 * engine runs, except in CI ({@code CI=true}), where that is a failure.
 */
class HubsimContainerTest {
    private static final String IMAGE = "hubsim:test";
    private static HubsimContainer hub;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        LocalDocker.requireEngine();
        LocalDocker.buildImage(IMAGE);
        hub = new HubsimContainer(IMAGE)
                .withUser("alice", "container-pw-3")
                .withRateLimit("anonymous=2/1h")
                .withSeed(Path.of("src/test/resources/hubsim/seed.yaml"));
        hub.start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.stop();
        }
    }

    @Test
    void aClientPushesAndPullsThroughTheMappedPort() {
        DockerHubClient alice = DockerHubClient.builder().baseUrl(hub.getBaseUrl())
                .credentials("alice", SecretString.of("container-pw-3")).build();

        Digest pushed = TinyImage.push(alice, "alice/app:1.0", "through the container");

        assertThat(Digest.sha256(alice.registry().getManifest(ImageReference.parse("alice/app:1.0")).bytes()))
                .isEqualTo(pushed);
        assertThat(alice.registry().listTags("alice/app")).containsExactly("1.0");
    }

    @Test
    void theUrlsAreTheMappedLoopbackPort() {
        assertThat(hub.getRegistryUrl()).isEqualTo(hub.getBaseUrl()).isEqualTo(hub.getHubUrl()).isEqualTo(hub.getAuthUrl())
                .isEqualTo("http://localhost:" + hub.getMappedPort(HubsimContainer.PORT));
        assertThat(hub.getRegistryAuthority()).isEqualTo("localhost:" + hub.getMappedPort(HubsimContainer.PORT));
    }

    @Test
    void theSeedIsCopiedInAndTheRateLimitApplies() throws IOException, InterruptedException {
        DockerHubClient anonymous = DockerHubClient.builder().baseUrl(hub.getBaseUrl()).build();
        ImageReference busybox = ImageReference.parse("busybox:1.36");
        post("/_hubsim/reset");

        anonymous.registry().getManifest(busybox);
        anonymous.registry().getManifest(busybox);

        assertThatThrownBy(() -> anonymous.registry().getManifest(busybox))
                .as("the simulator's rate-limit headers tell the client no pull is left: it fails fast")
                .isInstanceOf(RateLimitException.class).hasMessageContaining("no pulls left (0 of 2 per 3600 s");
    }

    @Test
    void aBadRateLimitOrUserFailsBeforeAnyContainerStarts() {
        assertThatThrownBy(() -> new HubsimContainer(IMAGE).withRateLimit("anonymous=lots"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HubsimContainer(IMAGE).withUser("al:ice", "pw"))
                .hasMessageContaining("withUser needs a name without ':'");
        assertThatThrownBy(() -> new HubsimContainer(IMAGE).withSeed(Path.of("no/such/seed.yaml")))
                .hasMessageStartingWith("withSeed: no readable file at ");
    }

    private static void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(hub.getBaseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isBetween(200, 299);
    }

    /** The Docker engine and the locally built image. */
    private static final class LocalDocker {
        private static final Path BUILD_SCRIPT = Path.of("..", "scripts", "build-docker-image.sh");

        static void requireEngine() {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return;
            }
            String message = "NO DOCKER ENGINE: HubsimContainerTest cannot run. Install docker.io and start dockerd "
                    + "(as .ci/run does) to run it.";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " CI must run it: failing instead of skipping.");
            }
            System.err.println("\n" + "!".repeat(100) + "\n!!! " + message + "\n" + "!".repeat(100) + "\n");
            org.junit.jupiter.api.Assumptions.abort(message);
        }

        static void buildImage(String tag) throws IOException, InterruptedException {
            Process build = new ProcessBuilder("bash", BUILD_SCRIPT.toString(), tag).redirectErrorStream(true).start();
            String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = build.waitFor();
            if (status != 0) {
                throw new IllegalStateException(BUILD_SCRIPT + " " + tag + " failed with " + status + ":\n" + output);
            }
        }
    }
}
