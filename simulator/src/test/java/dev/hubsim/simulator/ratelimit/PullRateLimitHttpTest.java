package dev.hubsim.simulator.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.HubTokens;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.hubsim.simulator.testing.HubTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Docker Hub's pull rate limit through real HTTP with token auth: manifest GETs count, HEADs and blob GETs do not,
 * anonymous clients are counted per address and accounts per id, paid plans and the unlimited policy send no
 * headers, and moving the simulator's clock past the window restores the quota.
 */
class PullRateLimitHttpTest {
    private static final String REPOSITORY = "library/nginx";
    private static final String MANIFEST = "/v2/library/nginx/manifests/1.27";
    private static final String ANONYMOUS_MESSAGE =
            "You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit";
    private static final Seed SEED = new Seed(
            List.of(new Seed.User("alice", "alice-password", null, false, List.of()),
                    new Seed.User("carol", "carol-password", "free", false, List.of()),
                    new Seed.User("bob", "bob-password", "pro", false, List.of())),
            List.of(), List.of(),
            List.of(new Seed.Image("library/nginx:1.27", List.of("linux/amd64"), List.of("1KB"))));

    private Simulator simulator;
    private RegistryHttp http;
    private HubTokens tokens;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(String policy) {
        simulator = Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.parse(policy)).seed(SEED).start();
        http = new RegistryHttp(simulator.baseUri());
        tokens = new HubTokens(http);
    }

    private String anonymousToken() {
        return tokens.anonymous(REPOSITORY, "pull");
    }

    private String tokenOf(String user) {
        return tokens.forUser(user, user + "-password", REPOSITORY, "pull");
    }

    private Reply pull(String token) {
        return http.get(MANIFEST, "Accept", RegistryHttp.ACCEPT_ALL, "Authorization", bearer(token));
    }

    private Reply look(String token) {
        return http.head(MANIFEST, "Accept", RegistryHttp.ACCEPT_ALL, "Authorization", bearer(token));
    }

    @Test
    void threeAnonymousPullsCountDownTheQuotaInDockerHubsHeaders() {
        start("anonymous=3/1h");
        String token = anonymousToken();

        List<Reply> pulls = List.of(pull(token), pull(token), pull(token));

        assertThat(pulls).extracting(Reply::status).containsExactly(200, 200, 200);
        assertThat(pulls).extracting(r -> r.header("ratelimit-remaining"))
                .containsExactly("2;w=3600", "1;w=3600", "0;w=3600");
        assertThat(pulls).extracting(r -> r.header("ratelimit-limit")).containsOnly("3;w=3600");
        assertThat(pulls).extracting(r -> r.header("docker-ratelimit-source")).containsOnly("127.0.0.1");
    }

    @Test
    void theFourthAnonymousPullIsRefusedWithTooManyRequestsAndARetryAfterInSeconds() {
        start("anonymous=3/1h");
        String token = anonymousToken();
        for (int i = 0; i < 3; i++) {
            pull(token).expect(200);
        }

        Reply refused = pull(token);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("TOOMANYREQUESTS");
        assertThat(refused.error().path("message").asText()).isEqualTo(ANONYMOUS_MESSAGE);
        assertThat(refused.header("Retry-After")).as("delay-seconds").matches("[1-9][0-9]*");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.header("ratelimit-limit")).isEqualTo("3;w=3600");
        assertThat(refused.header("ratelimit-remaining")).isEqualTo("0;w=3600");
        assertThat(refused.header("docker-ratelimit-source")).isEqualTo("127.0.0.1");
    }

    @Test
    void headRequestsShowTheQuotaButNeverCount() {
        start("anonymous=3/1h");
        String token = anonymousToken();

        List<Reply> looks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            looks.add(look(token));
        }
        Reply pulled = pull(token);

        assertThat(looks).extracting(Reply::status).containsOnly(200);
        assertThat(looks).extracting(r -> r.header("ratelimit-limit")).containsOnly("3;w=3600");
        assertThat(looks).extracting(r -> r.header("ratelimit-remaining")).containsOnly("3;w=3600");
        assertThat(looks).extracting(r -> r.header("docker-ratelimit-source")).containsOnly("127.0.0.1");
        assertThat(pulled.header("ratelimit-remaining")).isEqualTo("2;w=3600");
    }

    @Test
    void aHeadStillSucceedsWhenTheQuotaIsSpentAndShowsZeroRemaining() {
        start("anonymous=1/1h");
        String token = anonymousToken();
        pull(token).expect(200);
        pull(token).expect(429);

        Reply looked = look(token);

        assertThat(looked.status()).isEqualTo(200);
        assertThat(looked.header("ratelimit-remaining")).isEqualTo("0;w=3600");
    }

    @Test
    void blobDownloadsNeverCount() {
        start("anonymous=3/1h");
        String token = anonymousToken();
        JsonNode manifest = pull(token).expect(200).json();
        String layer = manifest.path("layers").path(0).path("digest").asText();
        String config = manifest.path("config").path("digest").asText();

        List<Reply> blobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            blobs.add(http.get("/v2/library/nginx/blobs/" + layer, "Authorization", bearer(token)));
            blobs.add(http.get("/v2/library/nginx/blobs/" + config, "Authorization", bearer(token)));
        }
        Reply next = pull(token);

        assertThat(blobs).extracting(Reply::status).containsOnly(200);
        assertThat(blobs).extracting(r -> r.header("ratelimit-remaining")).containsOnlyNulls();
        assertThat(next.header("ratelimit-remaining")).as("only the first manifest GET counted").isEqualTo("1;w=3600");
    }

    @Test
    void advancingTheClockByTheWindowRestoresTheQuotaForANewToken() {
        start("anonymous=3/1h");
        String token = anonymousToken();
        for (int i = 0; i < 3; i++) {
            pull(token).expect(200);
        }
        pull(token).expect(429);

        simulator.clock().advance(Duration.ofHours(1));
        Reply withOldToken = pull(token);
        Reply withNewToken = pull(anonymousToken());

        assertThat(withOldToken.status()).as("tokens live 300 s").isEqualTo(401);
        assertThat(withNewToken.status()).isEqualTo(200);
        assertThat(withNewToken.header("ratelimit-remaining")).isEqualTo("2;w=3600");
    }

    @Test
    void theQuotaStaysSpentUntilTheWholeWindowHasPassed() {
        start("anonymous=1/1h");
        pull(anonymousToken()).expect(200);

        simulator.clock().advance(Duration.ofMinutes(59));
        Reply early = pull(anonymousToken());

        assertThat(early.status()).isEqualTo(429);
        assertThat(Long.parseLong(early.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void authenticatedPullsAreCountedPerAccountAgainstTheirOwnQuota() {
        start("anonymous=3/1h,authenticated=5/1h");
        String anonymous = anonymousToken();
        for (int i = 0; i < 3; i++) {
            pull(anonymous).expect(200);
        }
        pull(anonymous).expect(429);

        Reply alice = pull(tokenOf("alice"));
        Reply aliceAgain = pull(tokenOf("alice"));
        Reply carol = pull(tokenOf("carol"));

        String aliceId = simulator.accounts().user("alice").orElseThrow().id();
        String carolId = simulator.accounts().user("carol").orElseThrow().id();
        assertThat(alice.status()).as("anonymous exhaustion does not touch an account").isEqualTo(200);
        assertThat(alice.header("ratelimit-limit")).isEqualTo("5;w=3600");
        assertThat(alice.header("ratelimit-remaining")).isEqualTo("4;w=3600");
        assertThat(aliceAgain.header("ratelimit-remaining")).as("a new token, the same account").isEqualTo("3;w=3600");
        assertThat(alice.header("docker-ratelimit-source")).isEqualTo(aliceId).isNotEqualTo("127.0.0.1").isNotEqualTo("alice");
        assertThat(carol.header("ratelimit-remaining")).isEqualTo("4;w=3600");
        assertThat(carol.header("docker-ratelimit-source")).isEqualTo(carolId).isNotEqualTo(aliceId);
    }

    @Test
    void anAccountOverItsQuotaGetsTheAuthenticatedMessage() {
        start("anonymous=3/1h,authenticated=1/1h");
        String token = tokenOf("alice");
        pull(token).expect(200);

        Reply refused = pull(token);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("TOOMANYREQUESTS");
        assertThat(refused.error().path("message").asText())
                .startsWith("You have reached your pull rate limit.")
                .contains("https://www.docker.com/increase-rate-limit");
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(pull(anonymousToken()).status()).as("anonymous quota untouched").isEqualTo(200);
    }

    @Test
    void aUserOnTheProPlanGetsNoRateLimitHeadersAndIsNeverRefused() {
        start("anonymous=1/1h,authenticated=1/1h");
        String token = tokenOf("bob");

        List<Reply> pulls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pulls.add(pull(token));
        }
        pulls.add(look(token));

        assertThat(pulls).extracting(Reply::status).containsOnly(200);
        assertThat(pulls).allSatisfy(reply -> {
            assertThat(reply.header("ratelimit-limit")).isNull();
            assertThat(reply.header("ratelimit-remaining")).isNull();
            assertThat(reply.header("docker-ratelimit-source")).isNull();
        });
    }

    @Test
    void theUnlimitedPolicySendsNoHeadersToAnyone() {
        start("unlimited");
        String anonymous = anonymousToken();
        String alice = tokenOf("alice");

        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(pull(anonymous));
            replies.add(pull(alice));
        }

        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(replies).extracting(r -> r.header("ratelimit-limit")).containsOnlyNulls();
        assertThat(replies).extracting(r -> r.header("docker-ratelimit-source")).containsOnlyNulls();
    }

    @ParameterizedTest
    @CsvSource({
            "docker-hub,        100;w=21600, 99;w=21600, 200;w=21600, 199;w=21600",
            "docker-hub-hourly, 10;w=3600,   9;w=3600,   100;w=3600,  99;w=3600",
    })
    void thePresetsSendDockerHubsLimits(String preset, String anonymousLimit, String anonymousRemaining,
                                        String accountLimit, String accountRemaining) {
        start(preset);

        Reply anonymous = pull(anonymousToken());
        Reply alice = pull(tokenOf("alice"));

        assertThat(anonymous.header("ratelimit-limit")).isEqualTo(anonymousLimit);
        assertThat(anonymous.header("ratelimit-remaining")).isEqualTo(anonymousRemaining);
        assertThat(alice.header("ratelimit-limit")).isEqualTo(accountLimit);
        assertThat(alice.header("ratelimit-remaining")).isEqualTo(accountRemaining);
    }

    @Test
    void tokenAuthWithoutAPolicyLimitsLikeDockerHub() {
        simulator = Simulator.builder().auth(AuthMode.TOKEN).seed(SEED).start();
        http = new RegistryHttp(simulator.baseUri());
        tokens = new HubTokens(http);

        Reply pulled = pull(anonymousToken());

        assertThat(pulled.header("ratelimit-limit")).isEqualTo("100;w=21600");
    }

    @Test
    void withoutAuthEveryClientIsAnonymousAndCountedByAddress() {
        simulator = Simulator.builder().auth(AuthMode.NONE).rateLimit(RateLimitPolicy.parse("anonymous=2/1h"))
                .seed(SEED).start();
        http = new RegistryHttp(simulator.baseUri());

        Reply first = http.get(MANIFEST, "Accept", RegistryHttp.ACCEPT_ALL);
        Reply second = http.get(MANIFEST, "Accept", RegistryHttp.ACCEPT_ALL);
        Reply third = http.get(MANIFEST, "Accept", RegistryHttp.ACCEPT_ALL);

        assertThat(first.header("ratelimit-remaining")).isEqualTo("1;w=3600");
        assertThat(second.header("docker-ratelimit-source")).isEqualTo("127.0.0.1");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.errorCode()).isEqualTo("TOOMANYREQUESTS");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64Prefix() {
        assumeIpv6Loopback();
        simulator = Simulator.builder().host("::1").auth(AuthMode.NONE).rateLimit(RateLimitPolicy.parse("anonymous=2/1h"))
                .seed(SEED).start();
        http = new RegistryHttp(simulator.baseUri());

        Reply pulled = http.get(MANIFEST, "Accept", RegistryHttp.ACCEPT_ALL);

        assertThat(pulled.status()).isEqualTo(200);
        assertThat(pulled.header("docker-ratelimit-source")).isEqualTo("0:0:0:0::");
    }

    private static void assumeIpv6Loopback() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            assumeTrue(socket.isBound(), "no IPv6 loopback");
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback: " + e);
        }
    }
}
