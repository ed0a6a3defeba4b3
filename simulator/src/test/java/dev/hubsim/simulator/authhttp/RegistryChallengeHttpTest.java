package dev.hubsim.simulator.authhttp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static dev.hubsim.simulator.authhttp.Hub.ALICE;
import static dev.hubsim.simulator.authhttp.Hub.BOB;
import static dev.hubsim.simulator.authhttp.Hub.challenge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The registry's door: 401 challenges, token checks (signature, audience, expiry, scope) and the catalog. */
class RegistryChallengeHttpTest {
    private static Hub hub;

    @BeforeAll
    static void start() {
        hub = Hub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private String realm() {
        return "http://127.0.0.1:" + hub.port() + "/token";
    }

    @Test
    void aManifestGetWithoutATokenIsChallengedForPull() {
        Reply reply = hub.getManifest(null, "library/nginx", "1.0");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"" + realm()
                + "\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"");
        assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
        JsonNode detail = reply.error().get("detail");
        assertThat(detail.size()).isEqualTo(1);
        assertThat(detail.get(0).get("Type").asText()).isEqualTo("repository");
        assertThat(detail.get(0).get("Class").asText()).isEmpty();
        assertThat(detail.get(0).get("Name").asText()).isEqualTo("library/nginx");
        assertThat(detail.get(0).get("Action").asText()).isEqualTo("pull");
        assertThat(reply.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
    }

    @Test
    void anUploadWithoutATokenIsChallengedForPullAndPushWithOneDetailPerAction() {
        Reply reply = hub.post(null, "/v2/alice/app/blobs/uploads/", new byte[0]);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("scope", "repository:alice/app:pull,push")
                .containsEntry("realm", realm()).containsEntry("service", "registry.docker.io")
                .doesNotContainKey("error");
        JsonNode detail = reply.error().get("detail");
        assertThat(detail).extracting(d -> d.get("Name").asText(), d -> d.get("Action").asText())
                .containsExactly(tuple("alice/app", "pull"), tuple("alice/app", "push"));
    }

    @Test
    void aManifestPutWithoutATokenIsChallengedForPullAndPush() {
        Reply reply = hub.put(null, "/v2/alice/app/manifests/latest", "{}".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/vnd.oci.image.manifest.v1+json");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("scope", "repository:alice/app:pull,push");
    }

    @Test
    void aManifestDeleteWithoutATokenIsChallengedForDelete() {
        Reply reply = hub.delete(null, "/v2/alice/open/manifests/sha256:" + "0".repeat(64));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("scope", "repository:alice/open:delete");
        assertThat(reply.error().get("detail").get(0).get("Action").asText()).isEqualTo("delete");
    }

    @Test
    void aBlobGetAndATagListWithoutATokenAreChallengedForPull() {
        assertThat(challenge(hub.get(null, "/v2/library/nginx/blobs/sha256:" + "0".repeat(64))))
                .containsEntry("scope", "repository:library/nginx:pull");
        assertThat(challenge(hub.get(null, "/v2/library/nginx/tags/list")))
                .containsEntry("scope", "repository:library/nginx:pull");
    }

    @Test
    void theBaseEndpointWithoutATokenIsChallengedWithoutScope() {
        Reply reply = hub.get(null, "/v2/");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"" + realm() + "\",service=\"registry.docker.io\"");
        assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void theBaseEndpointAcceptsAnyValidTokenEvenOneGrantingNothing() {
        assertThat(hub.get(hub.token(null), "/v2/").status()).isEqualTo(200);
        assertThat(hub.get(hub.token(BOB, "repository:alice/secret:pull"), "/v2/").status()).isEqualTo(200);
    }

    @Test
    void aTokenForPullIsAcceptedForAManifestGet() {
        String token = hub.token(null, "repository:library/nginx:pull");

        assertThat(hub.getManifest(token, "library/nginx", "1.0").status()).isEqualTo(200);
        assertThat(hub.head(token, "/v2/library/nginx/manifests/1.0", "Accept", RegistryHttp.ACCEPT_ALL).status())
                .isEqualTo(200);
        assertThat(hub.get(token, "/v2/library/nginx/tags/list").json().get("tags").get(0).asText()).isEqualTo("1.0");
    }

    @Test
    void aTokenForAnotherRepositoryIsInsufficientScope() {
        String token = hub.token(null, "repository:alice/open:pull");

        Reply reply = hub.getManifest(token, "library/nginx", "1.0");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("scope", "repository:library/nginx:pull")
                .containsEntry("error", "insufficient_scope");
        assertThat(reply.header("WWW-Authenticate")).endsWith(",error=\"insufficient_scope\"");
        assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aPullTokenUsedForAnUploadIsInsufficientScope() {
        String token = hub.token(ALICE, "repository:alice/app:pull");

        Reply reply = hub.post(token, "/v2/alice/app/blobs/uploads/", new byte[0]);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("scope", "repository:alice/app:pull,push")
                .containsEntry("error", "insufficient_scope");
    }

    @ParameterizedTest(name = "token {0}")
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."})
    void aGarbageTokenIsAnInvalidToken(String token) {
        Reply reply = hub.http.get("/v2/library/nginx/manifests/1.0", "Authorization", "Bearer " + token,
                "Accept", RegistryHttp.ACCEPT_ALL);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("error", "invalid_token")
                .containsEntry("scope", "repository:library/nginx:pull");
    }

    @Test
    void aTokenWhosePayloadWasEditedIsRefused() {
        String token = hub.token(null, "repository:library/nginx:pull");
        String[] parts = token.split("\\.");
        String forgedPayload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("library/nginx", "alice/secret");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forgedPayload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        Reply reply = hub.getManifest(forged, "alice/secret", "1.0");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("error", "invalid_token");
    }

    @Test
    void aTokenSignedByAnotherSimulatorIsRefused() {
        try (Simulator other = Simulator.builder().auth(AuthMode.TOKEN).clock(new TestClock()).seed(Hub.seed()).start()) {
            String foreign = new Hub.Foreign(other).token("repository:library/nginx:pull");
            assertThat(Hub.access(foreign)).containsExactly("repository:library/nginx:pull");

            Reply reply = hub.getManifest(foreign, "library/nginx", "1.0");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(challenge(reply)).containsEntry("error", "invalid_token");
        }
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        try (Simulator other = Simulator.builder().auth(AuthMode.TOKEN).clock(new TestClock())
                .service("registry.example.com").start()) {
            String token = new RegistryHttp(other.baseUri())
                    .get("/token?service=registry.example.com&scope=repository:library/nginx:pull")
                    .expect(200).json().get("token").asText();
            assertThat(Hub.claims(token).get("aud").toString()).contains("registry.example.com");

            Reply reply = hub.getManifest(token, "library/nginx", "1.0");

            assertThat(reply.status()).isEqualTo(401);
            assertThat(challenge(reply)).containsEntry("error", "invalid_token");
        }
    }

    @Test
    void aBasicHeaderAtTheRegistryIsChallengedLikeNoToken() {
        Reply reply = hub.http.get("/v2/library/nginx/tags/list", "Authorization", Hub.basic(ALICE));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(challenge(reply)).containsEntry("scope", "repository:library/nginx:pull");
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        String token = hub.token(null, "repository:library/nginx:pull");

        Reply reply = hub.http.get("/v2/library/nginx/tags/list", "Authorization", "bearer " + token);

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void theCatalogNeedsRegistryCatalogStarWhichOnlyAnAllowedUserGets() {
        Reply anonymous = hub.get(null, "/v2/_catalog");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(challenge(anonymous)).containsEntry("scope", "registry:catalog:*");
        assertThat(anonymous.error().get("detail").get(0).get("Type").asText()).isEqualTo("registry");

        String bobs = hub.token(BOB, "registry:catalog:*");
        assertThat(Hub.access(bobs)).isEmpty();
        Reply bob = hub.get(bobs, "/v2/_catalog");
        assertThat(bob.status()).isEqualTo(401);
        assertThat(challenge(bob)).containsEntry("error", "insufficient_scope");

        assertThat(Hub.access(hub.token(null, "registry:catalog:*"))).isEmpty();

        String alices = hub.token(ALICE, "registry:catalog:*");
        assertThat(Hub.access(alices)).containsExactly("registry:catalog:*");
        Reply alice = hub.get(alices, "/v2/_catalog");
        assertThat(alice.status()).isEqualTo(200);
        assertThat(alice.json().get("repositories").toString()).contains("library/nginx");
    }

    @Test
    void aTokenWithPersonalAccessTokenAuthDoesNotGetTheCatalogFromAnotherAction() {
        assertThat(Hub.access(hub.token(ALICE, "registry:catalog:pull"))).isEmpty();
        assertThat(Hub.access(hub.token(ALICE, "registry:other:*"))).isEmpty();
    }

    /** Expiry needs its own simulator: it moves the clock. */
    @Test
    void aTokenIsAcceptedUntilItsLifetimeEndsAndRefusedAfter() {
        try (Hub own = Hub.start()) {
            String token = own.token(null, "repository:library/nginx:pull");

            own.simulator.clock().advance(Duration.ofSeconds(299));
            assertThat(own.get(token, "/v2/library/nginx/tags/list").status()).isEqualTo(200);

            own.simulator.clock().advance(Duration.ofSeconds(2));
            Reply expired = own.get(token, "/v2/library/nginx/tags/list");
            assertThat(expired.status()).isEqualTo(401);
            assertThat(challenge(expired)).containsEntry("error", "invalid_token");
            assertThat(own.get(token, "/v2/").status()).isEqualTo(401);
        }
    }

    @Test
    void aShorterConfiguredLifetimeIsReportedAndEnforced() {
        try (Simulator sim = Simulator.builder().auth(AuthMode.TOKEN).clock(new TestClock())
                .tokenLifetime(Duration.ofSeconds(60)).seed(Hub.seed()).start()) {
            RegistryHttp http = new RegistryHttp(sim.baseUri());
            JsonNode body = http.get("/token?service=registry.docker.io&scope=repository:library/nginx:pull")
                    .expect(200).json();
            assertThat(body.get("expires_in").asInt()).isEqualTo(60);
            String token = body.get("token").asText();
            assertThat(Hub.claims(token).get("exp").asLong() - Hub.claims(token).get("iat").asLong()).isEqualTo(60);

            sim.clock().advance(Duration.ofSeconds(61));

            assertThat(http.get("/v2/library/nginx/tags/list", "Authorization", "Bearer " + token).status())
                    .isEqualTo(401);
        }
    }

    @Test
    void aTokenIssuedAtAFractionOfASecondLivesItsFullLifetime() {
        try (Simulator sim = Simulator.builder().auth(AuthMode.TOKEN)
                .clock(new TestClock(Instant.parse("2025-01-01T00:00:00.900Z"))).seed(Hub.seed()).start()) {
            RegistryHttp http = new RegistryHttp(sim.baseUri());
            String token = http.get("/token?service=registry.docker.io&scope=repository:library/nginx:pull")
                    .expect(200).json().get("token").asText();

            // 299.5 s after issue: still inside the advertised expires_in of 300 s
            sim.clock().advance(Duration.ofMillis(299_500));

            assertThat(http.get("/v2/library/nginx/tags/list", "Authorization", "Bearer " + token).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void theChallengeRealmFollowsTheHostTheClientUsed() {
        Reply reply = hub.http.get("/v2/", "X-Unused", "1");
        Map<String, String> challenge = challenge(reply);

        assertThat(challenge.get("realm")).isEqualTo(realm());
        // a client following the realm gets a token there
        assertThat(new RegistryHttp(java.net.URI.create(challenge.get("realm")))
                .get(challenge.get("realm") + "?service=" + challenge.get("service")).status()).isEqualTo(200);
    }
}
