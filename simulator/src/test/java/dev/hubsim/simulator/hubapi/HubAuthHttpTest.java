package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HubAuthHttpTest {
    private static final String ME = "/v2/namespaces/alice/repositories/secret";

    private HubCast cast;

    @BeforeEach
    void start() {
        cast = HubCast.start();
    }

    @AfterEach
    void stop() {
        cast.close();
    }

    @Test
    void loginWithThePasswordGivesASessionTokenThatOpensPrivateRepositories() {
        String token = cast.hub.login("alice", HubCast.ALICE_PASSWORD);

        assertThat(cast.hub.get(ME, token).expect(200).json().path("is_private").asBoolean()).isTrue();
        cast.hub.get(ME, null).expect(404);
    }

    @Test
    void loginWithRefreshTokenTrueAddsARefreshToken() {
        Reply reply = cast.hub.post("/v2/users/login?refresh_token=true",
                Map.of("username", "alice", "password", HubCast.ALICE_PASSWORD), null).expect(200);

        assertThat(reply.json().path("token").asText()).isNotEmpty();
        assertThat(reply.json().path("refresh_token").asText()).isNotEmpty();
        assertThat(cast.hub.post("/v2/users/login", Map.of("username", "alice", "password", HubCast.ALICE_PASSWORD), null)
                .json().has("refresh_token")).isFalse();
    }

    @Test
    void aWrongPasswordIs401WithDockerHubsBody() {
        Reply reply = cast.hub.post("/v2/users/login", Map.of("username", "alice", "password", "wrong"), null).expect(401);

        assertThat(reply.json()).isEqualTo(json("{\"detail\":\"Incorrect authentication credentials\"}"));
        assertThat(cast.hub.post("/v2/users/login", Map.of("username", "nobody", "password", "x"), null).expect(401)
                .json()).isEqualTo(reply.json());
    }

    @Test
    void aMissingFieldIs400NamingIt() {
        Reply reply = cast.hub.post("/v2/users/login", Map.of("username", "alice"), null).expect(400);

        assertThat(reply.json().path("fields").has("password")).isTrue();
    }

    @Test
    void aPasswordOfATwoFactorAccountAsksForTheSecondFactorThenACodeSignsIn() {
        Reply first = cast.hub.post("/v2/users/login", Map.of("username", "tess", "password", HubCast.TESS_PASSWORD), null)
                .expect(401);
        assertThat(first.json().path("detail").asText())
                .isEqualTo("Require secondary authentication on MFA enabled account");
        String loginToken = first.json().path("login_2fa_token").asText();
        assertThat(loginToken).isNotEmpty();

        Reply second = cast.hub.post("/v2/users/2fa-login?refresh_token=true",
                Map.of("login_2fa_token", loginToken, "code", cast.tessCode()), null).expect(200);

        String token = second.json().path("token").asText();
        assertThat(second.json().path("refresh_token").asText()).isNotEmpty();
        cast.hub.get("/v2/access-tokens", token).expect(200);
    }

    @Test
    void aWrongSecondFactorCodeIs401() {
        String loginToken = cast.hub.post("/v2/users/login", Map.of("username", "tess", "password", HubCast.TESS_PASSWORD),
                null).json().path("login_2fa_token").asText();
        String wrong = cast.tessCode().equals("000000") ? "111111" : "000000";

        Reply reply = cast.hub.post("/v2/users/2fa-login", Map.of("login_2fa_token", loginToken, "code", wrong), null)
                .expect(401);

        assertThat(reply.json()).isEqualTo(json("{\"detail\":\"Incorrect authentication credentials\"}"));
    }

    @Test
    void theCodeOfTheNeighbouringStepIsAcceptedButNotOneTwoStepsAway() {
        String loginToken = cast.hub.post("/v2/users/login", Map.of("username", "tess", "password", HubCast.TESS_PASSWORD),
                null).json().path("login_2fa_token").asText();
        String code = cast.tessCode();

        cast.clock.advance(Duration.ofSeconds(30));
        cast.hub.post("/v2/users/2fa-login", Map.of("login_2fa_token", loginToken, "code", code), null).expect(200);
        cast.clock.advance(Duration.ofSeconds(60));
        cast.hub.post("/v2/users/2fa-login", Map.of("login_2fa_token", loginToken, "code", code), null).expect(401);
    }

    @Test
    void anExpiredSecondFactorTokenIsRefused() {
        String loginToken = cast.hub.post("/v2/users/login", Map.of("username", "tess", "password", HubCast.TESS_PASSWORD),
                null).json().path("login_2fa_token").asText();
        cast.clock.advance(HubTokens.SECOND_FACTOR_LIFETIME);

        cast.hub.post("/v2/users/2fa-login", Map.of("login_2fa_token", loginToken, "code", cast.tessCode()), null)
                .expect(401);
    }

    @Test
    void aSessionTokenIsNoSecondFactorToken() {
        String session = cast.hub.login("alice", HubCast.ALICE_PASSWORD);

        cast.hub.post("/v2/users/2fa-login", Map.of("login_2fa_token", session, "code", "123456"), null).expect(401);
    }

    @Test
    void aPersonalAccessTokenSignsInWithoutTheSecondFactor() {
        String loginToken = cast.hub.post("/v2/users/login", Map.of("username", "tess", "password", HubCast.TESS_PASSWORD),
                null).json().path("login_2fa_token").asText();
        String session = cast.hub.post("/v2/users/2fa-login", Map.of("login_2fa_token", loginToken, "code",
                cast.tessCode()), null).expect(200).json().path("token").asText();
        String pat = cast.hub.post("/v2/access-tokens", Map.of("token_label", "cli", "scopes", java.util.List.of("repo:read")),
                session).expect(201).json().path("token").asText();

        assertThat(cast.hub.login("tess", pat)).isNotEmpty();
        assertThat(cast.hub.accessToken("tess", pat)).isNotEmpty();
    }

    @Test
    void authTokenTakesAPasswordOrAPersonalAccessTokenAndLastsTenMinutes() {
        String byPassword = cast.hub.accessToken("alice", HubCast.ALICE_PASSWORD);
        String byPat = cast.hub.accessToken("alice", HubCast.ALICE_WRITE_PAT);
        cast.hub.get(ME, byPassword).expect(200);
        cast.hub.get(ME, byPat).expect(200);

        cast.clock.advance(Duration.ofMinutes(10));

        Reply expired = cast.hub.get(ME, byPassword).expect(401);
        assertThat(expired.json().path("detail").asText()).isEqualTo("Signature has expired.");
        cast.hub.get(ME, byPat).expect(401);
    }

    @Test
    void authTokenWithWrongCredentialsIs401() {
        Reply reply = cast.hub.post("/v2/auth/token", Map.of("identifier", "alice", "secret", "wrong"), null).expect(401);

        assertThat(reply.json().path("detail").asText()).isEqualTo("Incorrect authentication credentials");
        assertThat(reply.text()).doesNotContain("wrong");
    }

    @Test
    void authTokenRefusesThePasswordOfATwoFactorAccount() {
        cast.hub.post("/v2/auth/token", Map.of("identifier", "tess", "secret", HubCast.TESS_PASSWORD), null).expect(401);
    }

    @Test
    void theOlderJwtSchemeIsAcceptedToo() {
        String token = cast.hub.login("alice", HubCast.ALICE_PASSWORD);

        cast.hub.getWithAuthorization(ME, "JWT " + token).expect(200);
        cast.hub.getWithAuthorization(ME, "jwt " + token).expect(200);
    }

    @Test
    void aForgedOrForeignTokenIs401EvenOnAPublicRoute() {
        String registryToken = cast.registry.get("/token?service=registry.docker.io&scope=repository:alice/open:pull")
                .expect(200).json().path("token").asText();

        Reply foreign = cast.hub.get("/v2/namespaces/alice/repositories/open", registryToken).expect(401);
        assertThat(foreign.json().path("detail").asText()).isEqualTo("Error decoding signature.");
        cast.hub.getWithAuthorization("/v2/namespaces/alice/repositories/open", "Basic YWxpY2U6eA==").expect(401);
        cast.hub.get("/v2/namespaces/alice/repositories/open", "not.a.jwt").expect(401);
    }

    @Test
    void aRouteThatNeedsAnAccountSaysCredentialsWereNotProvided() {
        Reply reply = cast.hub.get("/v2/access-tokens", null).expect(401);

        assertThat(reply.json().path("detail").asText()).isEqualTo("Authentication credentials were not provided.");
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
