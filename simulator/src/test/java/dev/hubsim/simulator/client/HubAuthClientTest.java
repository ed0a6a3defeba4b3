package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.error.AuthenticationException;
import dev.hubsim.core.hub.HubClient;
import dev.hubsim.core.hub.HubLogin;
import dev.hubsim.core.hub.HubRepository;
import dev.hubsim.core.hub.HubTokenState;
import dev.hubsim.simulator.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signing in to the simulator's Hub API, and renewing the Hub token without the caller noticing. */
class HubAuthClientTest {
    private static final String AUTH_TOKEN = "/v2/auth/token";

    private final HubClientCast cast = HubClientCast.start();

    @AfterEach
    void stop() {
        cast.close();
    }

    @Test
    void aPasswordSignsInOnceWithAuthTokenAndSeesPrivateRepositories() {
        HubClient hub = cast.alice().hub();
        assertThat(hub.sessionState()).isEqualTo(HubTokenState.SIGNED_OUT);

        List<String> names = hub.repositories().list("alice").stream().map(HubRepository::name).toList();
        hub.repositories().get("alice", "secret");

        assertThat(names).containsExactly("multi", "open", "secret");
        assertThat(hub.sessionState()).isEqualTo(HubTokenState.VALID);
        assertThat(cast.requests(AUTH_TOKEN)).containsExactly("POST /v2/auth/token 200");
    }

    @Test
    void aPersonalAccessTokenSignsInLikeAPassword() {
        HubClient hub = cast.anonymous().credentials("alice", SecretString.of(HubClientCast.ALICE_PAT)).build().hub();

        assertThat(hub.repositories().get("alice", "secret")).map(HubRepository::isPrivate).contains(true);
        assertThat(cast.requests(AUTH_TOKEN)).containsExactly("POST /v2/auth/token 200");
    }

    @Test
    void withoutCredentialsTheClientIsAnonymousAndSeesOnlyPublicRepositories() {
        HubClient hub = cast.anonymous().build().hub();

        assertThat(hub.repositories().list("alice").stream().map(HubRepository::name)).containsExactly("multi", "open");
        assertThat(hub.repositories().get("alice", "secret")).isEmpty();
        assertThat(cast.requests(AUTH_TOKEN)).isEmpty();
    }

    @Test
    void theLegacyLoginAnswersTheSecondFactorWithACodeFromTheProvider() {
        HubClient hub = cast.tess().hub();

        assertThat(hub.repositories().list("tess").stream()).isEmpty();
        assertThat(cast.requests()).startsWith("POST /v2/users/login 401", "POST /v2/users/2fa-login 200",
                "GET /v2/namespaces/tess/repositories 200");
    }

    @Test
    void aTwoFactorAccountWithoutACodeProviderIsToldWhatToDo() {
        DockerHubClient tess = cast.anonymous()
                .hubLogin(HubLogin.user("tess", SecretString.of(HubClientCast.TESS_PASSWORD))).build();

        assertThatThrownBy(() -> tess.hub().repositories().list("tess").page(1, 10))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("two-factor authentication: sign in with HubLogin.user(username, password, codes)")
                .hasMessageNotContaining(HubClientCast.TESS_PASSWORD);
    }

    @Test
    void aWrongSecondFactorCodeIsAnAuthenticationError() {
        DockerHubClient tess = cast.anonymous()
                .hubLogin(HubLogin.user("tess", SecretString.of(HubClientCast.TESS_PASSWORD), () -> "000000")).build();

        assertThatThrownBy(() -> tess.hub().repositories().get("tess", "any"))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("the Hub refused the credentials (HTTP 401: second factor: Incorrect "
                        + "authentication credentials)");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorThatDoesNotShowIt() {
        DockerHubClient wrong = cast.anonymous().credentials("alice", SecretString.of("not-alices-password-3")).build();

        assertThatThrownBy(() -> wrong.hub().repositories().get("alice", "open"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("Tried to sign in to the Hub API on alice")
                .hasMessageNotContaining("not-alices-password-3");
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeTheRequestWithoutA401() {
        HubClient hub = cast.alice().hub();
        hub.repositories().get("alice", "secret");

        cast.simulator.clock().advance(Duration.ofMinutes(10).minusSeconds(20));
        assertThat(hub.sessionState()).isEqualTo(HubTokenState.EXPIRING);
        assertThat(hub.repositories().get("alice", "secret")).isPresent();

        assertThat(cast.requests(AUTH_TOKEN)).hasSize(2);
        assertThat(cast.requests()).noneMatch(line -> line.endsWith(" 401"));
    }

    @Test
    void anExpiredTokenIsReplacedByASecondFactorLoginTransparently() {
        HubClient hub = cast.tess().hub();
        hub.repositories().list("tess").page(1, 10);

        cast.simulator.clock().advance(Duration.ofDays(31));
        assertThat(hub.sessionState()).isEqualTo(HubTokenState.EXPIRED);
        hub.repositories().list("tess").page(1, 10);

        assertThat(cast.requests("/v2/users/2fa-login")).containsExactly("POST /v2/users/2fa-login 200",
                "POST /v2/users/2fa-login 200");
        assertThat(cast.requests("/v2/namespaces/tess/repositories"))
                .containsExactly("GET /v2/namespaces/tess/repositories 200", "GET /v2/namespaces/tess/repositories 200");
    }

    @Test
    void aTokenTheHubRefusesIsReplacedOnceAndTheRequestRepeated() {
        TestClock behind = new TestClock(cast.simulator.clock().instant()); // the client's clock lags the Hub's
        HubClient hub = cast.anonymous().credentials("alice", SecretString.of(HubClientCast.ALICE_PASSWORD))
                .clock(behind).build().hub();
        hub.repositories().get("alice", "secret");

        cast.simulator.clock().advance(Duration.ofMinutes(11));
        assertThat(hub.repositories().get("alice", "secret")).isPresent();

        assertThat(cast.requests("/v2/namespaces/alice/repositories/secret")).containsExactly(
                "GET /v2/namespaces/alice/repositories/secret 200", "GET /v2/namespaces/alice/repositories/secret 401",
                "GET /v2/namespaces/alice/repositories/secret 200");
        assertThat(cast.requests(AUTH_TOKEN)).hasSize(2);
    }

    @Test
    void manyConcurrentCallsWithAnExpiredTokenShareOneSignIn() throws Exception {
        HubClient hub = cast.alice().hub();
        hub.repositories().get("alice", "secret");
        cast.simulator.clock().advance(Duration.ofMinutes(15));

        int calls = 24;
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return hub.repositories().get("alice", "secret").isPresent();
                }));
            }
            start.countDown();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(cast.requests(AUTH_TOKEN)).containsExactly("POST /v2/auth/token 200", "POST /v2/auth/token 200");
        assertThat(cast.requests("/v2/namespaces/alice/repositories/secret")).hasSize(calls + 1)
                .allMatch(line -> line.endsWith(" 200"));
    }
}
