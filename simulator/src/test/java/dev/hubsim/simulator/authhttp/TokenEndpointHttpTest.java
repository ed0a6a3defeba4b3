package dev.hubsim.simulator.authhttp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static dev.hubsim.simulator.authhttp.Hub.ALICE;
import static dev.hubsim.simulator.authhttp.Hub.ALICE_PASSWORD;
import static dev.hubsim.simulator.authhttp.Hub.BOB;
import static dev.hubsim.simulator.authhttp.Hub.PAT_WRITE;
import static dev.hubsim.simulator.authhttp.Hub.access;
import static dev.hubsim.simulator.authhttp.Hub.claims;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /token} and {@code POST /token} through real HTTP, and the JWTs they sign. */
class TokenEndpointHttpTest {
    private static Hub hub;

    @BeforeAll
    static void start() {
        hub = Hub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void anAnonymousTokenForAPublicRepositoryGrantsPullAndHasDockersResponseShape() {
        Reply reply = hub.tokenReply(null, "repository:library/nginx:pull").expect(200);
        JsonNode body = reply.json();

        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(body.get("token").asText()).isNotEmpty().isEqualTo(body.get("access_token").asText());
        assertThat(body.get("expires_in").asInt()).isEqualTo(300);
        assertThat(OffsetDateTime.parse(body.get("issued_at").asText()).toInstant())
                .isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(access(body.get("token").asText())).containsExactly("repository:library/nginx:pull");
    }

    @Test
    void theJwtCarriesIssuerSubjectAudienceTimesAndAUniqueId() {
        String token = hub.token(ALICE, "repository:alice/open:pull");
        String other = hub.token(ALICE, "repository:alice/open:pull");
        JsonNode claims = claims(token);

        assertThat(claims.get("iss").asText()).isNotEmpty();
        assertThat(claims.get("sub").asText()).isEqualTo("alice");
        JsonNode aud = claims.get("aud");
        assertThat(aud.isArray() ? aud.get(0).asText() : aud.asText()).isEqualTo(Hub.SERVICE);
        long iat = claims.get("iat").asLong();
        assertThat(iat).isEqualTo(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond());
        assertThat(claims.get("nbf").asLong()).isLessThanOrEqualTo(iat);
        assertThat(claims.get("exp").asLong()).isEqualTo(iat + 300);
        assertThat(claims.get("jti").asText()).isNotEmpty().isNotEqualTo(claims(other).get("jti").asText());
        assertThat(Hub.header(token).get("alg").asText()).isIn("ES256", "RS256");
    }

    @Test
    void anAnonymousTokenHasAnEmptySubject() {
        String token = hub.token(null, "repository:library/nginx:pull");

        assertThat(claims(token).get("sub").asText()).isEmpty();
    }

    @Test
    void anAnonymousTokenForAPrivateRepositoryGrantsNothingRatherThanFailing() {
        String token = hub.token(null, "repository:alice/secret:pull");

        assertThat(claims(token).get("access").isArray()).isTrue();
        assertThat(access(token)).isEmpty();
    }

    @Test
    void anAnonymousTokenForAMissingRepositoryGrantsNothing() {
        assertThat(access(hub.token(null, "repository:nobody/nothing:pull"))).isEmpty();
    }

    @Test
    void anAnonymousPushRequestIsGrantedOnlyPull() {
        assertThat(access(hub.token(null, "repository:library/nginx:pull,push"))).containsExactly("repository:library/nginx:pull");
    }

    @Test
    void repeatedScopeParametersAreEachGrantedWhatTheyMay() {
        String token = hub.token(ALICE, "repository:alice/new-app:pull,push", "repository:library/nginx:pull",
                "repository:alice/secret:pull", "repository:bob/thing:pull,push");

        assertThat(access(token)).containsExactly("repository:alice/new-app:pull,push", "repository:library/nginx:pull",
                "repository:alice/secret:pull");
    }

    @Test
    void aSpaceSeparatedScopeListIsReadAsSeveralScopes() {
        String token = hub.token(ALICE, "repository:alice/open:pull repository:library/nginx:pull");

        assertThat(access(token)).containsExactly("repository:alice/open:pull", "repository:library/nginx:pull");
    }

    @Test
    void aMalformedScopeGrantsNothingAndIsNotAnError() {
        String token = hub.token(ALICE, "garbage", "repository:alice/open");

        assertThat(access(token)).isEmpty();
    }

    @Test
    void basicAuthWithAPasswordIssuesATokenForTheAccount() {
        String token = hub.token(ALICE, "repository:alice/secret:pull,push,delete");

        assertThat(claims(token).get("sub").asText()).isEqualTo("alice");
        assertThat(access(token)).containsExactly("repository:alice/secret:pull,push,delete");
    }

    @Test
    void basicAuthWithAPersonalAccessTokenIssuesATokenLimitedByItsScope() {
        String token = hub.token("alice:" + PAT_WRITE, "repository:alice/secret:pull,push,delete");

        assertThat(claims(token).get("sub").asText()).isEqualTo("alice");
        assertThat(access(token)).containsExactly("repository:alice/secret:pull,push");
    }

    @Test
    void aTokenWithoutScopeHasAnEmptyAccessClaim() {
        String token = hub.token(ALICE);

        assertThat(claims(token).get("access").size()).isZero();
    }

    @Test
    void offlineTokenTrueAddsARefreshTokenForAnAccount() {
        JsonNode body = hub.tokenQuery(ALICE, "&offline_token=true&client_id=docker&account=alice").expect(200).json();

        assertThat(body.path("refresh_token").asText()).isNotEmpty().isNotEqualTo(body.get("token").asText());
    }

    @Test
    void offlineTokenTrueGivesAnonymousClientsNoRefreshToken() {
        JsonNode body = hub.tokenQuery(null, "&offline_token=true", "repository:library/nginx:pull").expect(200).json();

        assertThat(body.has("refresh_token")).isFalse();
    }

    @ParameterizedTest(name = "credentials {0}")
    @ValueSource(strings = {"alice:wrong", "nobody:secret", "alice:dckr_pat_doesnotexist", "alice:"})
    void badBasicCredentialsAreRefusedWithDockersBody(String credentials) {
        Reply reply = hub.tokenReply(credentials, "repository:library/nginx:pull");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("details").asText()).isEqualTo("incorrect username or password");
    }

    @Test
    void anUndecodableBasicHeaderIsRefusedAs401() {
        Reply reply = hub.http.get("/token?service=registry.docker.io", "Authorization", "Basic !!!not-base64");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("details").asText()).isEqualTo("incorrect username or password");
    }

    @Test
    void anUnknownServiceIsRefusedWith400() {
        Reply reply = hub.http.get("/token?service=registry.example.com&scope=repository:library/nginx:pull");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("details").asText()).isNotBlank();
    }

    // ---- POST /token -----------------------------------------------------------------------------------------

    @Test
    void thePasswordGrantIssuesATokenWithTheGrantedScopes() {
        Reply reply = hub.postToken("grant_type", "password", "service", Hub.SERVICE, "client_id", "hubsim-test",
                "username", "alice", "password", ALICE_PASSWORD,
                "scope", "repository:alice/secret:pull,push repository:bob/x:pull").expect(200);
        JsonNode body = reply.json();

        assertThat(body.get("access_token").asText()).isNotEmpty();
        assertThat(access(body.get("access_token").asText())).containsExactly("repository:alice/secret:pull,push");
        assertThat(body.get("expires_in").asInt()).isEqualTo(300);
        assertThat(body.get("scope").asText()).isEqualTo("repository:alice/secret:pull,push");
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void thePasswordGrantWithOfflineAccessReturnsARefreshTokenThatTheRefreshGrantAccepts() {
        String refresh = hub.postToken("grant_type", "password", "service", Hub.SERVICE, "client_id", "t",
                "access_type", "offline", "username", "alice", "password", ALICE_PASSWORD).expect(200)
                .json().get("refresh_token").asText();

        JsonNode refreshed = hub.postToken("grant_type", "refresh_token", "service", Hub.SERVICE, "client_id", "t",
                "refresh_token", refresh, "scope", "repository:alice/secret:pull").expect(200).json();

        String token = refreshed.get("access_token").asText();
        assertThat(claims(token).get("sub").asText()).isEqualTo("alice");
        assertThat(access(token)).containsExactly("repository:alice/secret:pull");
    }

    @Test
    void aRefreshTokenFromGetTokenWorksWithThePostRefreshGrant() {
        String refresh = hub.tokenQuery(ALICE, "&offline_token=true").expect(200).json().get("refresh_token").asText();

        Reply reply = hub.postToken("grant_type", "refresh_token", "service", Hub.SERVICE, "client_id", "t",
                "refresh_token", refresh, "scope", "repository:alice/open:pull");

        assertThat(access(reply.expect(200).json().get("access_token").asText())).containsExactly("repository:alice/open:pull");
    }

    @Test
    void aRefreshTokenKeepsThePersonalAccessTokensScope() {
        String refresh = hub.tokenQuery("alice:" + Hub.PAT_READ, "&offline_token=true").expect(200)
                .json().get("refresh_token").asText();

        String token = hub.postToken("grant_type", "refresh_token", "service", Hub.SERVICE, "client_id", "t",
                "refresh_token", refresh, "scope", "repository:alice/secret:pull,push").expect(200)
                .json().get("access_token").asText();

        assertThat(access(token)).containsExactly("repository:alice/secret:pull");
    }

    @Test
    void anUnknownRefreshTokenIsRefusedWith401() {
        Reply reply = hub.postToken("grant_type", "refresh_token", "service", Hub.SERVICE, "client_id", "t",
                "refresh_token", "not-a-refresh-token");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("details").asText()).isNotBlank();
    }

    @Test
    void thePasswordGrantNeverEchoesAnUnverifiedRefreshToken() {
        JsonNode body = hub.postToken("grant_type", "password", "service", Hub.SERVICE, "client_id", "t",
                "access_type", "offline", "username", "alice", "password", ALICE_PASSWORD,
                "refresh_token", "attacker-chosen").expect(200).json();

        assertThat(body.get("refresh_token").asText()).isNotEqualTo("attacker-chosen");
    }

    @ParameterizedTest(name = "grant_type={0}")
    @ValueSource(strings = {"client_credentials", "authorization_code", ""})
    void anUnsupportedGrantTypeIsRefusedWith400AndDetails(String grantType) {
        Reply reply = hub.postToken("grant_type", grantType, "service", Hub.SERVICE, "client_id", "t",
                "username", "alice", "password", ALICE_PASSWORD);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("details").asText()).isNotBlank();
    }

    @Test
    void aWrongPasswordInThePasswordGrantIsRefusedWithDockersBody() {
        Reply reply = hub.postToken("grant_type", "password", "service", Hub.SERVICE, "client_id", "t",
                "username", "alice", "password", "wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("details").asText()).isEqualTo("incorrect username or password");
    }

    @Test
    void aPostForAnUnknownServiceIsRefusedWith400() {
        Reply reply = hub.postToken("grant_type", "password", "service", "other.example", "client_id", "t",
                "username", "alice", "password", ALICE_PASSWORD);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().has("details")).isTrue();
    }

    @Test
    void thePasswordGrantAcceptsAPersonalAccessToken() {
        String token = hub.postToken("grant_type", "password", "service", Hub.SERVICE, "client_id", "t",
                "username", "alice", "password", Hub.PAT_PUBLIC_READ, "scope", "repository:alice/secret:pull")
                .expect(200).json().get("access_token").asText();

        assertThat(claims(token).get("sub").asText()).isEqualTo("alice");
        assertThat(access(token)).isEmpty();
    }

    @Test
    void anotherUserGetsNothingOnAlicesPrivateRepositoryButPullOnHerPublicOne() {
        String token = hub.token(BOB, "repository:alice/secret:pull", "repository:alice/open:pull,push");

        List<String> granted = new ArrayList<>(access(token));
        assertThat(granted).containsExactly("repository:alice/open:pull");
    }
}
