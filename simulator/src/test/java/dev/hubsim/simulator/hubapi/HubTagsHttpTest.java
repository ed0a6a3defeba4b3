package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tags as the Hub API shows them, and that they are the registry's tags (one state). */
class HubTagsHttpTest {
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z";

    private HubCast cast;
    private RegistryHttp registry;
    private String alice;

    @BeforeEach
    void start() {
        cast = HubCast.start();
        registry = RegistryHttp.loggedIn(cast.simulator.baseUri(), "alice", HubCast.ALICE_PASSWORD);
        alice = cast.hub.login("alice", HubCast.ALICE_PASSWORD);
    }

    @AfterEach
    void stop() {
        cast.close();
    }

    @Test
    void aSingleManifestPushedThroughTheRegistryShowsItsDigestPlatformSizeAndPusher() {
        Image image = TestImages.image(MediaTypes.OCI_MANIFEST, 2, 300);
        cast.clock.advance(Duration.ofMinutes(5));
        registry.pushImage("alice/app", "v1", image);

        JsonNode tag = cast.hub.get("/v2/namespaces/alice/repositories/app/tags/v1", null).expect(200).json();

        assertThat(tag.path("name").asText()).isEqualTo("v1");
        assertThat(tag.path("digest").asText()).isEqualTo(image.digest().toString());
        assertThat(tag.path("media_type").asText()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(tag.path("full_size").asLong()).isEqualTo(600);
        assertThat(tag.path("last_updater_username").asText()).isEqualTo("alice");
        assertThat(tag.path("tag_status").asText()).isEqualTo("active");
        assertThat(tag.path("v2").asBoolean()).isTrue();
        assertThat(tag.path("tag_last_pushed").asText()).isEqualTo("2025-01-01T00:05:00.000000Z").matches(TIME);
        assertThat(tag.path("tag_last_pulled").isNull()).isTrue();
        JsonNode only = tag.path("images").get(0);
        assertThat(tag.path("images")).hasSize(1);
        assertThat(only.path("architecture").asText()).isEqualTo("amd64");
        assertThat(only.path("os").asText()).isEqualTo("linux");
        assertThat(only.path("variant").isNull()).isTrue();
        assertThat(only.path("digest").asText()).isEqualTo(image.digest().toString());
        assertThat(only.path("size").asLong()).isEqualTo(600);
    }

    @Test
    void anIndexShowsOneImagePerPlatform() {
        JsonNode tag = cast.hub.get("/v2/namespaces/alice/repositories/multi/tags/2.0", null).expect(200).json();

        List<String> platforms = new ArrayList<>();
        tag.path("images").forEach(i -> platforms.add(i.path("os").asText() + "/" + i.path("architecture").asText()
                + (i.path("variant").isNull() ? "" : "/" + i.path("variant").asText())));
        assertThat(platforms).containsExactly("linux/amd64", "linux/arm64/v8");
        assertThat(tag.path("media_type").asText()).isEqualTo(MediaTypes.OCI_INDEX);
        JsonNode index = registry.getManifest("alice/multi", "2.0").expect(200).json();
        for (int i = 0; i < 2; i++) {
            String child = index.path("manifests").get(i).path("digest").asText();
            assertThat(tag.path("images").get(i).path("digest").asText()).isEqualTo(child);
            long layers = 0;
            for (JsonNode layer : registry.getManifest("alice/multi", child).json().path("layers")) {
                layers += layer.path("size").asLong();
            }
            assertThat(tag.path("images").get(i).path("size").asLong()).isEqualTo(layers);
        }
        assertThat(tag.path("full_size").asLong()).isEqualTo(tag.path("images").get(0).path("size").asLong());
    }

    @Test
    void manifestGetsRaisePullCountAndLastPulledButHeadsDoNot() {
        cast.clock.advance(Duration.ofHours(1));
        registry.getManifest("alice/open", "1.0").expect(200);
        registry.getManifest("alice/open", "1.0").expect(200);
        registry.head("/v2/alice/open/manifests/1.0", "Accept", RegistryHttp.ACCEPT_ALL).expect(200);

        assertThat(cast.hub.get("/v2/namespaces/alice/repositories/open", null).json().path("pull_count").asLong())
                .isEqualTo(2);
        JsonNode tag = cast.hub.get("/v2/namespaces/alice/repositories/open/tags/1.0", null).json();
        assertThat(tag.path("tag_last_pulled").asText()).isEqualTo("2025-01-01T01:00:00.000000Z");
        assertThat(tag.path("images").get(0).path("last_pulled").asText()).isEqualTo("2025-01-01T01:00:00.000000Z");
    }

    @Test
    void theListIsNewestFirstAndTheLegacyRouteAgrees() {
        for (String name : List.of("a", "b", "c")) {
            cast.clock.advance(Duration.ofSeconds(1));
            registry.pushImage("alice/app", name, TestImages.ociImage());
        }

        JsonNode page = cast.hub.get("/v2/namespaces/alice/repositories/app/tags", null).expect(200).json();
        JsonNode legacy = cast.hub.get("/v2/repositories/alice/app/tags/?page_size=100&page=1", null).expect(200).json();

        assertThat(names(page)).containsExactly("c", "b", "a");
        assertThat(names(legacy)).containsExactly("c", "b", "a");
        assertThat(names(cast.hub.get("/v2/repositories/alice/app/tags/?ordering=name", null).json()))
                .containsExactly("a", "b", "c");
        assertThat(names(cast.hub.get("/v2/repositories/alice/app/tags/?name=b", null).json())).containsExactly("b");
        assertThat(cast.hub.get("/v2/repositories/alice/app/tags/b/", null).expect(200).json().path("name").asText())
                .isEqualTo("b");
    }

    @Test
    void headTellsWhetherTagsExist() {
        cast.hub.head("/v2/namespaces/alice/repositories/open/tags", null).expect(200);
        cast.hub.head("/v2/namespaces/alice/repositories/open/tags/1.0", null).expect(200);
        cast.hub.head("/v2/namespaces/alice/repositories/open/tags/9.9", null).expect(404);
        cast.hub.post("/v2/namespaces/alice/repositories", java.util.Map.of("name", "empty", "namespace", "alice"), alice)
                .expect(201);
        cast.hub.head("/v2/namespaces/alice/repositories/empty/tags", null).expect(404);
    }

    @Test
    void aMissingTagIs404() {
        Reply reply = cast.hub.get("/v2/namespaces/alice/repositories/open/tags/9.9", null).expect(404);

        assertThat(reply.json().path("detail").asText()).isEqualTo("tag 9.9 not found");
    }

    @Test
    void aTagDeletedThroughTheHubIsGoneFromTheRegistryButItsManifestStaysByDigest() {
        String digest = registry.getManifest("alice/open", "1.0").expect(200).header("Docker-Content-Digest");

        cast.hub.delete("/v2/repositories/alice/open/tags/1.0/", alice).expect(204);

        assertThat(registry.getManifest("alice/open", "1.0").status()).isEqualTo(404);
        assertThat(registry.get("/v2/alice/open/tags/list").json().path("tags")).isEmpty();
        registry.getManifest("alice/open", digest).expect(200);
        cast.hub.get("/v2/namespaces/alice/repositories/open/tags/1.0", null).expect(404);
        cast.hub.delete("/v2/namespaces/alice/repositories/open/tags/1.0", alice).expect(404);
    }

    @Test
    void deletingATagNeedsTheOwnerWithAnAdminCredential() {
        String bob = cast.hub.login("bob", HubCast.BOB_PASSWORD);
        String writeOnly = cast.hub.accessToken("alice", HubCast.ALICE_WRITE_PAT);

        cast.hub.delete("/v2/namespaces/alice/repositories/open/tags/1.0", null).expect(401);
        cast.hub.delete("/v2/namespaces/alice/repositories/open/tags/1.0", bob).expect(403);
        cast.hub.delete("/v2/namespaces/alice/repositories/secret/tags/1.0", bob).expect(404);
        cast.hub.delete("/v2/namespaces/alice/repositories/open/tags/1.0", writeOnly).expect(403);
        cast.hub.delete("/v2/namespaces/alice/repositories/open/tags/1.0", alice).expect(204);
    }

    @Test
    void tagsOfAPrivateRepositoryAreHidden() {
        cast.hub.get("/v2/namespaces/alice/repositories/secret/tags", null).expect(404);
        cast.hub.get("/v2/namespaces/alice/repositories/secret/tags/1.0", null).expect(404);
        assertThat(names(cast.hub.get("/v2/namespaces/alice/repositories/secret/tags", alice).expect(200).json()))
                .containsExactly("1.0");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("results").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
