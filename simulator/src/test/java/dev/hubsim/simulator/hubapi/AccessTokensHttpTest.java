package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.testing.HubTokens;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokensHttpTest {
    private HubCast cast;
    private String session;

    @BeforeEach
    void start() {
        cast = HubCast.start();
        session = cast.hub.login("alice", HubCast.ALICE_PASSWORD);
    }

    @AfterEach
    void stop() {
        cast.close();
    }

    private JsonNode create(String label, String... scopes) {
        return cast.hub.post("/v2/access-tokens", Map.of("token_label", label, "scopes", List.of(scopes)), session)
                .expect(201).json();
    }

    @Test
    void createShowsTheSecretOnceAndGetAndListNever() {
        JsonNode created = create("laptop", "repo:read");

        String secret = created.path("token").asText();
        assertThat(secret).startsWith("dckr_pat_");
        assertThat(created.path("token_label").asText()).isEqualTo("laptop");
        assertThat(created.path("scopes")).hasSize(1);
        assertThat(created.path("scopes").get(0).asText()).isEqualTo("repo:read");
        assertThat(created.path("is_active").asBoolean()).isTrue();
        assertThat(created.path("client_id").asText()).isEqualTo("HUB");
        assertThat(created.path("creator_ip").asText()).isEqualTo("127.0.0.1");
        assertThat(created.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(created.path("last_used").isNull()).isTrue();

        String uuid = created.path("uuid").asText();
        Reply got = cast.hub.get("/v2/access-tokens/" + uuid, session).expect(200);
        assertThat(got.json().path("token").asText()).isEmpty();
        assertThat(got.text()).doesNotContain(secret);
        Reply listed = cast.hub.get("/v2/access-tokens", session).expect(200);
        assertThat(listed.text()).doesNotContain(secret);
    }

    @Test
    void theHighestScopeGivenIsTheTokensScope() {
        assertThat(create("ci", "repo:read", "repo:write").path("scopes").get(0).asText()).isEqualTo("repo:write");
    }

    @Test
    void badCreateRequestsAre400NamingTheField() {
        assertThat(cast.hub.post("/v2/access-tokens", Map.of("token_label", "x", "scopes", List.of("repo:everything")),
                session).expect(400).json().path("fields").has("scopes")).isTrue();
        assertThat(cast.hub.post("/v2/access-tokens", Map.of("token_label", "", "scopes", List.of("repo:read")),
                session).expect(400).json().path("fields").has("token_label")).isTrue();
        assertThat(cast.hub.post("/v2/access-tokens", Map.of("token_label", "x".repeat(101), "scopes",
                List.of("repo:read")), session).expect(400).json().path("fields").has("token_label")).isTrue();
        assertThat(cast.hub.post("/v2/access-tokens", Map.of("token_label", "x", "scopes", List.of("repo:read"),
                "expires_at", "soon"), session).expect(400).json().path("fields").has("expires_at")).isTrue();
    }

    @Test
    void aCreatedTokenWorksAtTheRegistryTokenServiceAndIsUsedThere() {
        JsonNode created = create("ci", "repo:read");
        String secret = created.path("token").asText();

        String registryToken = new HubTokens(cast.registry).forUser("alice", secret, "alice/secret", "pull");
        cast.registry.get("/v2/alice/secret/manifests/1.0", "Accept", RegistryHttp.ACCEPT_ALL, "Authorization",
                HubTokens.bearer(registryToken)).expect(200);

        JsonNode after = cast.hub.get("/v2/access-tokens/" + created.path("uuid").asText(), session).expect(200).json();
        assertThat(after.path("last_used").asText()).isNotEmpty();
    }

    @Test
    void aDeactivatedTokenStopsWorkingAtTheRegistryAndWorksAgainWhenReactivated() {
        JsonNode created = create("ci", "repo:read");
        String uuid = created.path("uuid").asText();
        String basic = basic("alice", created.path("token").asText());

        JsonNode patched = cast.hub.patch("/v2/access-tokens/" + uuid, Map.of("is_active", false, "token_label", "old"),
                session).expect(200).json();

        assertThat(patched.path("is_active").asBoolean()).isFalse();
        assertThat(patched.path("token_label").asText()).isEqualTo("old");
        cast.registry.get("/token?service=registry.docker.io", "Authorization", basic).expect(401);
        cast.hub.patch("/v2/access-tokens/" + uuid, Map.of("is_active", true), session).expect(200);
        cast.registry.get("/token?service=registry.docker.io", "Authorization", basic).expect(200);
    }

    @Test
    void aDeletedTokenIsGoneEverywhere() {
        JsonNode created = create("ci", "repo:read");
        String uuid = created.path("uuid").asText();

        cast.hub.delete("/v2/access-tokens/" + uuid, session).expect(204);

        cast.hub.get("/v2/access-tokens/" + uuid, session).expect(404);
        cast.hub.delete("/v2/access-tokens/" + uuid, session).expect(404);
        cast.hub.patch("/v2/access-tokens/" + uuid, Map.of("is_active", true), session).expect(404);
        cast.registry.get("/token?service=registry.docker.io", "Authorization",
                basic("alice", created.path("token").asText())).expect(401);
        cast.hub.post("/v2/auth/token", Map.of("identifier", "alice", "secret", created.path("token").asText()), null)
                .expect(401);
    }

    @Test
    void theListIsPaginatedNewestFirstWithTheActiveCount() {
        for (int i = 0; i < 3; i++) {
            cast.clock.advance(java.time.Duration.ofSeconds(1));
            create("t" + i, "repo:read");
        }
        String third = cast.hub.get("/v2/access-tokens?page_size=2", session).json().path("results").get(0)
                .path("uuid").asText();
        cast.hub.patch("/v2/access-tokens/" + third, Map.of("is_active", false), session).expect(200);

        JsonNode first = cast.hub.get("/v2/access-tokens?page_size=2", session).expect(200).json();
        JsonNode second = cast.hub.get("/v2/access-tokens?page=2&page_size=2", session).expect(200).json();

        assertThat(first.path("count").asInt()).isEqualTo(4);
        assertThat(first.path("active_count").asInt()).isEqualTo(3);
        assertThat(first.path("results").get(0).path("token_label").asText()).isEqualTo("t2");
        assertThat(first.path("next").asText()).endsWith("/v2/access-tokens?page=2&page_size=2");
        assertThat(second.path("results")).hasSize(2);
        assertThat(second.path("results").get(1).path("token_label").asText()).isEqualTo("ci");
        assertThat(second.path("next").isNull()).isTrue();
    }

    @Test
    void anotherUsersTokenIsNotFound() {
        String uuid = create("ci", "repo:read").path("uuid").asText();
        String bob = cast.hub.login("bob", HubCast.BOB_PASSWORD);

        cast.hub.get("/v2/access-tokens/" + uuid, bob).expect(404);
        cast.hub.delete("/v2/access-tokens/" + uuid, bob).expect(404);
        assertThat(cast.hub.get("/v2/access-tokens", bob).json().path("count").asInt()).isZero();
    }

    @Test
    void aSessionFromAPersonalAccessTokenMayNotManageTokens() {
        String byPat = cast.hub.login("alice", HubCast.ALICE_WRITE_PAT);

        cast.hub.get("/v2/access-tokens", byPat).expect(403);
        cast.hub.post("/v2/access-tokens", Map.of("token_label", "x", "scopes", List.of("repo:admin")), byPat).expect(403);
    }

    @Test
    void withoutASessionItIs401() {
        cast.hub.post("/v2/access-tokens", Map.of("token_label", "x", "scopes", List.of("repo:read")), null).expect(401);
    }

    private static String basic(String user, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + secret)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
