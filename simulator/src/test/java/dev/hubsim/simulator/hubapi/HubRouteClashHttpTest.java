package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths that fit both the registry and the Hub API go to the Hub API (see {@link HubApi}); registry paths that do
 * not fit a Hub route keep working for repositories whose names look like Hub paths.
 */
class HubRouteClashHttpTest {
    private Simulator simulator;
    private RegistryHttp registry;
    private HubApiClient hub;

    @BeforeEach
    void start() {
        simulator = Simulator.builder().auth(AuthMode.NONE).start();
        registry = new RegistryHttp(simulator.baseUri());
        hub = new HubApiClient(simulator.baseUri());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aTagsListPathOfARepositoryNamedLikeALegacyHubPathIsTheHubsTagNamedList() {
        TestImages.Image image = TestImages.ociImage();
        registry.pushImage("repositories/alice/app", "latest", image);
        registry.pushImage("alice/app", "list", TestImages.ociImage());

        Reply reply = hub.get("/v2/repositories/alice/app/tags/list", null).expect(200);

        assertThat(reply.json().path("name").asText()).isEqualTo("list");
        assertThat(reply.json().has("tags")).isFalse();
        registry.getManifest("repositories/alice/app", "latest").expect(200);
        registry.get("/v2/repositories/alice/app/blobs/" + image.blobs().get(0).digest()).expect(200);
    }

    @Test
    void aHubRepositoryNamedManifestsListsItsTags() {
        registry.pushImage("alice/manifests", "1.0", TestImages.ociImage());

        Reply reply = hub.get("/v2/namespaces/alice/repositories/manifests/tags", null).expect(200);

        assertThat(reply.json().path("results").get(0).path("name").asText()).isEqualTo("1.0");
    }

    @Test
    void registryRoutesThatFitNoHubRouteStayTheRegistrys() {
        registry.pushImage("namespaces/alice/repositories", "v1", TestImages.ociImage());

        assertThat(registry.get("/v2/namespaces/alice/repositories/tags/list").expect(200).json().path("tags").get(0)
                .asText()).isEqualTo("v1");
        assertThat(hub.get("/v2/namespaces/alice/repositories", null).expect(200).json().path("count").asInt()).isZero();
        assertThat(hub.post("/v2/users/login", Map.of("username", "x", "password", "y"), null).status()).isEqualTo(401);
    }
}
