package dev.hubsim.simulator.mirror;

import dev.hubsim.core.auth.SecretString;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mirror of an upstream with Docker Hub's token auth (a simulator in token mode, with a private repository): the
 * mirror follows the upstream's Bearer challenge to its realm, with its credentials or anonymously.
 */
class MirrorUpstreamAuthTest {
    private static final String PASSWORD = "upstream-pw-Qz81";
    private static Simulator upstream;
    private static Image image;

    @BeforeAll
    static void start() {
        upstream = Simulator.builder().auth(AuthMode.TOKEN).privateByDefault(true)
                .seed(Seed.EMPTY.withUsers(List.of("carol:" + PASSWORD))).start();
        image = TestImages.ociImage();
        RegistryHttp.loggedIn(upstream.baseUri(), "carol", PASSWORD).pushImage("carol/private", "v1", image);
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @Test
    void withCredentialsTheMirrorPullsAPrivateRepositoryThroughTheTokenRealm() {
        MirrorSettings settings = MirrorSettings.of(upstream.baseUri()).withCredentials("carol", SecretString.of(PASSWORD));
        try (Simulator mirror = Simulator.builder().mirrorOf(settings).start()) {
            RegistryHttp http = new RegistryHttp(mirror.baseUri());

            Reply manifest = http.getManifest("carol/private", "v1").expect(200);
            Reply layer = http.get("/v2/carol/private/blobs/" + image.blobs().get(1).digest()).expect(200);

            assertThat(manifest.body()).isEqualTo(image.bytes());
            assertThat(layer.body()).isEqualTo(image.blobs().get(1).bytes());
            assertThat(mirror.mirror().orElseThrow().stats().upstreamRequests())
                    .as("401 challenge, token, retry for the manifest; the blob reuses the token").isGreaterThanOrEqualTo(4);
            assertThat(settings.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void anonymouslyAPrivateUpstreamRepositoryIsAClearRegistryError() {
        try (Simulator mirror = Simulator.builder().mirrorOf(upstream.baseUri()).start()) {
            Reply manifest = new RegistryHttp(mirror.baseUri()).getManifest("carol/private", "v1");

            assertThat(manifest.status()).as(manifest.toString()).isEqualTo(403);
            assertThat(manifest.errorCode()).isEqualTo("DENIED");
            assertThat(manifest.error().path("message").asText()).contains(upstream.baseUri().toString());
            assertThat(mirror.registry().findManifest("carol/private", "v1")).isEmpty();
        }
    }
}
