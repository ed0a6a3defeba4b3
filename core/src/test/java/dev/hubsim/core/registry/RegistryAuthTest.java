package dev.hubsim.core.registry;

import static dev.hubsim.core.registry.MockRegistry.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.error.InsufficientScopeException;
import dev.hubsim.core.reference.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Registry auth against a scripted registry + token service: challenges, Basic, token cache, refresh, scope. */
class RegistryAuthTest {
    private static final Digest DIGEST = Digest.sha256(new byte[] {1});
    private static final String PASSWORD = "s3cret-password";

    private final MockRegistry server = new MockRegistry();
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile int tokenLifetime = 300;

    RegistryAuthTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void bearerChallengeIsAnsweredWithATokenFromTheRealmAndTheTokenIsCached() {
        server.answer(this::tokenRegistry);
        DockerHubClient client = server.client().clock(clock).credentials("alice", SecretString.of(PASSWORD)).build();

        assertThat(client.registry().checkBlob("alice/app", DIGEST)).isPresent();
        assertThat(client.registry().checkBlob("alice/app", DIGEST)).isPresent();

        assertThat(server.requestLines()).containsExactly(
                "HEAD /v2/alice/app/blobs/" + DIGEST,
                "GET /token?service=test-registry&scope=repository%3Aalice%2Fapp%3Apull",
                "HEAD /v2/alice/app/blobs/" + DIGEST,
                "HEAD /v2/alice/app/blobs/" + DIGEST);
        RecordedRequest token = server.requests().get(1);
        assertThat(token.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertThat(server.requests().get(2).getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
        assertThat(server.requests().get(3).getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    }

    @Test
    void aTokenWithLessThan30SecondsLeftByTheClientsClockIsRefreshedBeforeUse() {
        server.answer(this::tokenRegistry);
        DockerHubClient client = server.client().clock(clock).build();
        client.registry().checkBlob("alice/app", DIGEST);

        clock.advance(Duration.ofSeconds(269));
        client.registry().checkBlob("alice/app", DIGEST);
        assertThat(tokensIssued).hasValue(1);

        clock.advance(Duration.ofSeconds(2)); // 29 s left
        client.registry().checkBlob("alice/app", DIGEST);

        assertThat(tokensIssued).hasValue(2);
        assertThat(server.requests().get(server.requests().size() - 1).getHeaders().get("Authorization"))
                .isEqualTo("Bearer token-2");
        assertThat(server.requestLines().subList(3, 6)).containsExactly("HEAD /v2/alice/app/blobs/" + DIGEST,
                "GET /token?service=test-registry&scope=repository%3Aalice%2Fapp%3Apull", "HEAD /v2/alice/app/blobs/" + DIGEST);
    }

    @Test
    void accessTokenFieldAndTheDefaultLifetimeOf60SecondsAreUnderstood() {
        server.answer(r -> r.getTarget().startsWith("/token")
                ? status(200).body("{\"access_token\":\"oauth-token\"}").build()
                : bearerProtected(r, "oauth-token"));
        DockerHubClient client = server.client().clock(clock).build();

        client.registry().checkBlob("alice/app", DIGEST);
        clock.advance(Duration.ofSeconds(29));
        client.registry().checkBlob("alice/app", DIGEST);
        clock.advance(Duration.ofSeconds(2)); // 29 s of 60 left
        client.registry().checkBlob("alice/app", DIGEST);

        assertThat(server.requestLines()).filteredOn(line -> line.startsWith("GET /token")).hasSize(2);
    }

    @Test
    void aTokenTheRegistryNoLongerAcceptsIsReplacedOnceAndTheRequestRetried() {
        AtomicInteger accepted = new AtomicInteger(1);
        server.answer(r -> {
            if (r.getTarget().startsWith("/token")) {
                return token();
            }
            String expected = "Bearer token-" + accepted.get();
            return expected.equals(r.getHeaders().get("Authorization")) ? status(200).setHeader("Content-Length", 1).build()
                    : challenge("invalid_token");
        });
        DockerHubClient client = server.client().clock(clock).build();
        client.registry().checkBlob("alice/app", DIGEST);

        accepted.set(2); // the server revokes token-1 (e.g. its clock ran past the expiry)
        assertThat(client.registry().checkBlob("alice/app", DIGEST)).isPresent();

        assertThat(tokensIssued).hasValue(2);
    }

    @Test
    void a401ThatStaysAfterFreshTokensIsAnAuthenticationErrorAfterABoundedNumberOfRounds() {
        server.answer(r -> r.getTarget().startsWith("/token") ? token() : challenge("invalid_token"));
        DockerHubClient client = server.client().clock(clock).build();

        assertThatThrownBy(() -> client.registry().checkBlob("alice/app", DIGEST))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("HTTP 401");
        assertThat(tokensIssued).hasValue(2);
    }

    @Test
    void insufficientScopeForAFreshTokenIsItsOwnError() {
        server.answer(r -> r.getTarget().startsWith("/token") ? token() : challenge("insufficient_scope"));
        DockerHubClient client = server.client().clock(clock).build();

        assertThatThrownBy(() -> client.registry().checkBlob("alice/app", DIGEST))
                .isInstanceOfSatisfying(InsufficientScopeException.class,
                        e -> assertThat(e.scope()).isEqualTo("repository:alice/app:pull"))
                .hasMessageContaining("Tried to check blob " + DIGEST + " on alice/app");
        assertThat(tokensIssued).hasValue(1);
    }

    @Test
    void refusedCredentialsAreAnAuthenticationErrorThatNeverShowsThePassword() {
        server.answer(r -> r.getTarget().startsWith("/token")
                ? status(401).body("{\"details\":\"incorrect username or password\"}").build() : challenge(null));
        DockerHubClient client = server.client().credentials("alice", SecretString.of(PASSWORD)).build();

        assertThatThrownBy(() -> client.registry().checkBlob("alice/app", DIGEST))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("refused the credentials of alice")
                .hasMessageNotContaining(PASSWORD);
        assertThat(client.toString() + client.config()).doesNotContain(PASSWORD);
    }

    @Test
    void basicChallengeIsAnsweredWithTheCredentialsAndRememberedForTheRegistry() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        server.answer(r -> basic.equals(r.getHeaders().get("Authorization"))
                ? status(200).setHeader("Content-Length", 1).build()
                : status(401).setHeader("WWW-Authenticate", "Basic realm=\"registry\"").build());
        DockerHubClient client = server.client().credentials("alice", SecretString.of(PASSWORD)).build();

        client.registry().checkBlob("alice/app", DIGEST);
        client.registry().checkBlob("alice/app", DIGEST);

        assertThat(server.requests()).extracting(r -> r.getHeaders().get("Authorization") != null)
                .containsExactly(false, true, true);
    }

    @Test
    void anonymousBasicChallengeIsAnAuthenticationError() {
        server.answer(r -> status(401).setHeader("WWW-Authenticate", "Basic realm=\"registry\"").build());

        assertThatThrownBy(() -> server.client().build().registry().checkBlob("alice/app", DIGEST))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("unauthenticated");
    }

    private MockResponse tokenRegistry(RecordedRequest r) {
        return r.getTarget().startsWith("/token") ? token() : bearerProtected(r, "token-" + tokensIssued.get());
    }

    private MockResponse bearerProtected(RecordedRequest r, String token) {
        return ("Bearer " + token).equals(r.getHeaders().get("Authorization"))
                ? status(200).setHeader("Content-Length", 1).build() : challenge(null);
    }

    private MockResponse token() {
        return status(200).body("{\"token\":\"token-" + tokensIssued.incrementAndGet() + "\",\"expires_in\":"
                + tokenLifetime + ",\"issued_at\":\"" + clock.instant() + "\"}").build();
    }

    private MockResponse challenge(String error) {
        return status(401).setHeader("WWW-Authenticate", "Bearer realm=\"" + server.url("/token")
                + "\",service=\"test-registry\",scope=\"repository:alice/app:pull\""
                + (error == null ? "" : ",error=\"" + error + "\"")).build();
    }
}
