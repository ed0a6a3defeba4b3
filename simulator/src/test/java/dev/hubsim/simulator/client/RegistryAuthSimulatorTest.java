package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.InsufficientScopeException;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's registry auth against the simulator's token service: anonymous, Basic, expiry, scope. */
class RegistryAuthSimulatorTest {
    private static final ImageReference NGINX = ImageReference.parse("nginx:1.0");

    private final ClientHub hub = ClientHub.start();

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void anonymousPullOfAPublicRepositoryTakesOneAnonymousToken() {
        DockerHubClient client = hub.anonymous().build();

        client.registry().getManifest(NGINX);
        client.registry().checkManifest(NGINX);

        assertThat(hub.tokenRequests).hasValue(1);
        assertThat(hub.requests).containsSubsequence("GET /v2/library/nginx/manifests/1.0",
                "GET /token?service=registry.docker.io&scope=repository%3Alibrary%2Fnginx%3Apull",
                "GET /v2/library/nginx/manifests/1.0", "HEAD /v2/library/nginx/manifests/1.0");
    }

    @Test
    void ownerPushesWithBasicCredentialsToTheTokenServiceAndPullsItsPrivateRepository() {
        DockerHubClient alice = hub.alice().build();
        Image image = TestImages.ociImage();

        push(alice, "alice/private", image);

        assertThat(alice.registry().getManifest(ImageReference.parse("alice/private:v1")).bytes()).isEqualTo(image.bytes());
        assertThat(hub.requests).anyMatch(r -> r.startsWith("GET /token?") && r.contains("alice%2Fprivate%3Apull%2Cpush"));
    }

    @Test
    void anonymousPullOfAPrivateRepositoryIsInsufficientScope() {
        push(hub.alice().build(), "alice/private", TestImages.ociImage());

        assertThatThrownBy(() -> hub.anonymous().build().registry().getManifest(ImageReference.parse("alice/private:v1")))
                .isInstanceOfSatisfying(InsufficientScopeException.class,
                        e -> assertThat(e.scope()).isEqualTo("repository:alice/private:pull"))
                .hasMessageContaining("Tried to get manifest v1 on alice/private");
    }

    @Test
    void anOutsiderCannotPushIntoAnotherNamespace() {
        DockerHubClient bob = hub.bob().build();

        assertThatThrownBy(() -> bob.registry().pushBlob("alice/app", BlobContent.of(new byte[] {1, 2, 3})))
                .isInstanceOf(InsufficientScopeException.class)
                .hasMessageContaining("push blob on alice/app");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorWithoutThePassword() {
        DockerHubClient wrong = hub.anonymous().credentials("alice", SecretString.of("not-the-password-77")).build();

        assertThatThrownBy(() -> wrong.registry().getManifest(NGINX))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("refused the credentials of alice")
                .hasMessageNotContaining("not-the-password-77");
    }

    @Test
    void aTokenExpiredByTheSimulatorsClockIsReplacedAndTheRequestSucceeds() {
        DockerHubClient client = hub.anonymous().build();
        client.registry().getManifest(NGINX);

        hub.simulator.clock().advance(Duration.ofMinutes(10));

        assertThat(client.registry().getManifest(NGINX).manifest().layers()).hasSize(2);
        assertThat(hub.tokenRequests).hasValue(2);
    }

    @Test
    void theClientsOwnClockRefreshesATokenBeforeItExpires() {
        TestClock clientClock = new TestClock();
        DockerHubClient client = hub.anonymous().clock(clientClock).build();
        client.registry().getManifest(NGINX);
        int requestsBefore = hub.requests.size();

        clientClock.advance(Duration.ofSeconds(280)); // 20 s of the 300 s token left: refresh first, no 401
        client.registry().getManifest(NGINX);

        assertThat(hub.tokenRequests).hasValue(2);
        assertThat(hub.requests.subList(requestsBefore, hub.requests.size()))
                .containsExactly("GET /token?service=registry.docker.io&scope=repository%3Alibrary%2Fnginx%3Apull",
                        "GET /v2/library/nginx/manifests/1.0");
    }

    private static void push(DockerHubClient client, String repository, Image image) {
        image.blobs().forEach(blob -> client.registry().pushBlob(repository, blob.digest(), BlobContent.of(blob.bytes())));
        client.registry().putManifest(ImageReference.parse(repository + ":v1"), MediaTypes.OCI_MANIFEST, image.bytes());
    }
}
