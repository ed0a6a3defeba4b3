package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HubRepositoriesHttpTest {
    private HubCast cast;
    private String alice;

    @BeforeEach
    void start() {
        cast = HubCast.start();
        alice = cast.hub.login("alice", HubCast.ALICE_PASSWORD);
    }

    @AfterEach
    void stop() {
        cast.close();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("results").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    /** The compressed size of an image as its manifest (fetched from the registry) says. */
    private long layerBytes(String repository, String tag) {
        RegistryHttp registry = RegistryHttp.loggedIn(cast.simulator.baseUri(), "alice", HubCast.ALICE_PASSWORD);
        long total = 0;
        for (JsonNode layer : registry.getManifest(repository, tag).expect(200).json().path("layers")) {
            total += layer.path("size").asLong();
        }
        return total;
    }

    @Test
    void anonymousListsSeeOnlyPublicRepositoriesAndOwnersSeeAll() {
        assertThat(names(cast.hub.get("/v2/namespaces/alice/repositories", null).expect(200).json()))
                .containsExactly("multi", "open");
        assertThat(names(cast.hub.get("/v2/namespaces/alice/repositories", alice).expect(200).json()))
                .containsExactly("multi", "open", "secret");
        String bob = cast.hub.login("bob", HubCast.BOB_PASSWORD);
        assertThat(names(cast.hub.get("/v2/namespaces/alice/repositories", bob).json())).containsExactly("multi", "open");
    }

    @Test
    void organisationMembersSeeItsPrivateRepositories() {
        String carol = cast.hub.login("carol", HubCast.CAROL_PASSWORD);

        assertThat(names(cast.hub.get("/v2/namespaces/acme/repositories", carol).json())).containsExactly("internal");
        assertThat(names(cast.hub.get("/v2/namespaces/acme/repositories", null).json())).isEmpty();
        cast.hub.get("/v2/namespaces/acme/repositories/internal", carol).expect(200);
    }

    @Test
    void aPrivateRepositoryIs404ForOthersExactlyLikeAMissingOne() {
        String bob = cast.hub.login("bob", HubCast.BOB_PASSWORD);

        Reply hidden = cast.hub.get("/v2/namespaces/alice/repositories/secret", bob).expect(404);
        Reply missing = cast.hub.get("/v2/namespaces/alice/repositories/nothing", bob).expect(404);

        assertThat(hidden.json().path("detail").asText()).isEqualTo("repository alice/secret not found");
        assertThat(missing.json().path("detail").asText()).isEqualTo("repository alice/nothing not found");
        cast.hub.head("/v2/namespaces/alice/repositories/secret", bob).expect(404);
        cast.hub.get("/v2/namespaces/alice/repositories/secret/tags", bob).expect(404);
    }

    @Test
    void aPublicRepositoryShowsDockerHubsFields() {
        JsonNode repository = cast.hub.get("/v2/namespaces/alice/repositories/open", null).expect(200).json();

        assertThat(repository.path("name").asText()).isEqualTo("open");
        assertThat(repository.path("namespace").asText()).isEqualTo("alice");
        assertThat(repository.path("description").asText()).isEqualTo("Open one");
        assertThat(repository.path("full_description").asText()).startsWith("# Open");
        assertThat(repository.path("is_private").asBoolean()).isFalse();
        assertThat(repository.path("status_description").asText()).isEqualTo("Active");
        assertThat(repository.path("date_registered").asText()).isEqualTo("2025-01-01T00:00:00.000000Z");
        assertThat(repository.path("media_types").get(0).asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(repository.path("content_types").get(0).asText()).isEqualTo("image");
        assertThat(repository.path("storage_size").asLong()).isEqualTo(layerBytes("alice/open", "1.0")).isPositive();
        assertThat(repository.path("permissions")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(Map.of("read", true, "write", false, "admin", false)));
        assertThat(cast.hub.get("/v2/namespaces/alice/repositories/open", alice).json().path("permissions")
                .path("admin").asBoolean()).isTrue();
        cast.hub.head("/v2/namespaces/alice/repositories/open", null).expect(200);
    }

    @Test
    void theLegacyRoutesAnswerWithTrailingSlashesAndLegacyFields() {
        JsonNode list = cast.hub.get("/v2/repositories/alice/?page_size=100&page=1&ordering=last_updated", alice)
                .expect(200).json();
        JsonNode entry = list.path("results").get(0);

        assertThat(entry.path("user").asText()).isEqualTo("alice");
        assertThat(entry.path("can_edit").asBoolean()).isTrue();
        assertThat(entry.has("is_migrated")).isTrue();
        assertThat(cast.hub.get("/v2/repositories/alice/open/", null).expect(200).json().path("name").asText())
                .isEqualTo("open");
        cast.hub.get("/v2/repositories/alice/secret/", null).expect(404);
    }

    @Test
    void aNamespaceNobodyOwnsListsEmpty() {
        JsonNode page = cast.hub.get("/v2/namespaces/nobody/repositories", null).expect(200).json();

        assertThat(page.path("count").asInt()).isZero();
        assertThat(page.path("results")).isEmpty();
    }

    @Test
    void nameFilterAndOrderingAreApplied() {
        assertThat(names(cast.hub.get("/v2/namespaces/alice/repositories?name=pe", null).json())).containsExactly("open");
        assertThat(names(cast.hub.get("/v2/namespaces/alice/repositories?ordering=-name", alice).json()))
                .containsExactly("secret", "open", "multi");
        Reply bad = cast.hub.get("/v2/namespaces/alice/repositories?ordering=stars", null).expect(400);
        assertThat(bad.json().path("text").asText()).isEqualTo("Invalid ordering value");
        assertThat(bad.json().path("fields").path("ordering").get(0).asText()).isEqualTo("Invalid ordering value. "
                + "Must be one of: name, -name, last_updated, -last_updated, pull_count, -pull_count");
    }

    @Test
    void createMakesAnEmptyRepositoryTheRegistryCanPushTo() {
        Reply created = cast.hub.post("/v2/namespaces/alice/repositories", Map.of("name", "fresh", "namespace", "alice",
                "description", "new", "full_description", "long", "is_private", true), alice).expect(201);

        assertThat(created.json().path("is_private").asBoolean()).isTrue();
        assertThat(created.json().path("pull_count").asInt()).isZero();
        assertThat(created.json().path("media_types")).isEmpty();
        assertThat(created.json().path("storage_size").isNull()).isTrue();
        cast.hub.get("/v2/namespaces/alice/repositories/fresh", null).expect(404);
        cast.hub.get("/v2/namespaces/alice/repositories/fresh", alice).expect(200);
        RegistryHttp pusher = RegistryHttp.loggedIn(cast.simulator.baseUri(), "alice", HubCast.ALICE_PASSWORD);
        pusher.pushImage("alice/fresh", "1.0", dev.hubsim.simulator.testing.TestImages.ociImage());
        assertThat(cast.hub.get("/v2/namespaces/alice/repositories/fresh/tags", alice).json().path("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void createRefusesBadInputOthersNamespacesAndDuplicates() {
        assertThat(cast.hub.post("/v2/namespaces/alice/repositories", Map.of("name", "Bad_Name!", "namespace", "alice"),
                alice).expect(400).json().path("fields").has("name")).isTrue();
        assertThat(cast.hub.post("/v2/namespaces/alice/repositories", Map.of("name", "ok", "namespace", "alice",
                "description", "d".repeat(101)), alice).expect(400).json().path("fields").has("description")).isTrue();
        cast.hub.post("/v2/namespaces/alice/repositories", Map.of("name", "ok", "namespace", "bob"), alice).expect(400);
        cast.hub.post("/v2/namespaces/bob/repositories", Map.of("name", "ok", "namespace", "bob"), alice).expect(403);
        cast.hub.post("/v2/namespaces/ghost/repositories", Map.of("name", "ok", "namespace", "ghost"), alice).expect(404);
        cast.hub.post("/v2/namespaces/alice/repositories", Map.of("name", "open", "namespace", "alice"), alice).expect(400);
        cast.hub.post("/v2/namespaces/alice/repositories", Map.of("name", "ok", "namespace", "alice"), null).expect(401);
        cast.hub.post("/v2/namespaces/acme/repositories", Map.of("name", "ok", "namespace", "acme"),
                cast.hub.login("carol", HubCast.CAROL_PASSWORD)).expect(201);
    }

    @Test
    void deletingARepositoryNeedsTheOwnerWithAnAdminCredential() {
        String bob = cast.hub.login("bob", HubCast.BOB_PASSWORD);
        String writeOnly = cast.hub.login("alice", HubCast.ALICE_WRITE_PAT);

        cast.hub.delete("/v2/repositories/alice/open/", null).expect(401);
        cast.hub.delete("/v2/repositories/alice/open/", bob).expect(403);
        cast.hub.delete("/v2/repositories/alice/secret/", bob).expect(404);
        cast.hub.delete("/v2/repositories/alice/open/", writeOnly).expect(403);
        cast.hub.delete("/v2/repositories/alice/open/", alice).expect(202);
        cast.hub.get("/v2/namespaces/alice/repositories/open", alice).expect(404);
    }

    @Test
    void aRepositoryDeletedThroughTheHubIsGoneFromTheRegistry() {
        RegistryHttp registry = RegistryHttp.loggedIn(cast.simulator.baseUri(), "alice", HubCast.ALICE_PASSWORD);
        registry.getManifest("alice/secret", "1.0").expect(200);

        cast.hub.delete("/v2/repositories/alice/secret/", alice).expect(202);

        Reply manifest = registry.getManifest("alice/secret", "1.0");
        assertThat(manifest.status()).isEqualTo(404);
        assertThat(registry.get("/v2/alice/secret/tags/list").status()).isEqualTo(404);
    }
}
