package dev.hubsim.simulator.hubapi;

import dev.hubsim.simulator.testing.OpenSimulatorTest;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths that fit both the registry and the Hub API go to the Hub API (see {@link HubApi}); registry paths that do
 * not fit a Hub route keep working for repositories whose names look like Hub paths.
 */
class HubRouteClashHttpTest extends OpenSimulatorTest {
    private HubApiClient hub;

    @BeforeEach
    void startHubClient() {
        hub = new HubApiClient(simulator.baseUri());
    }

    @Test
    void aTagsListPathOfARepositoryNamedLikeALegacyHubPathIsTheHubsTagNamedList() {
        TestImages.Image image = TestImages.ociImage();
        http.pushImage("repositories/alice/app", "latest", image);
        http.pushImage("alice/app", "list", TestImages.ociImage());

        Reply reply = hub.get("/v2/repositories/alice/app/tags/list", null).expect(200);

        assertThat(reply.json().path("name").asText()).isEqualTo("list");
        assertThat(reply.json().has("tags")).isFalse();
        http.getManifest("repositories/alice/app", "latest").expect(200);
        http.get("/v2/repositories/alice/app/blobs/" + image.blobs().get(0).digest()).expect(200);
    }

    @Test
    void aHubRepositoryNamedManifestsListsItsTags() {
        http.pushImage("alice/manifests", "1.0", TestImages.ociImage());

        Reply reply = hub.get("/v2/namespaces/alice/repositories/manifests/tags", null).expect(200);

        assertThat(reply.json().path("results").get(0).path("name").asText()).isEqualTo("1.0");
    }

    @Test
    void registryRoutesThatFitNoHubRouteStayTheRegistrys() {
        http.pushImage("namespaces/alice/repositories", "v1", TestImages.ociImage());

        assertThat(http.get("/v2/namespaces/alice/repositories/tags/list").expect(200).json().path("tags").get(0)
                .asText()).isEqualTo("v1");
        assertThat(hub.get("/v2/namespaces/alice/repositories", null).expect(200).json().path("count").asInt()).isZero();
        assertThat(hub.post("/v2/users/login", Map.of("username", "x", "password", "y"), null).status()).isEqualTo(401);
    }
}
