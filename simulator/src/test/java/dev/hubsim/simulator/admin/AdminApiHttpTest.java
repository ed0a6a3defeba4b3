package dev.hubsim.simulator.admin;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.HubTokens;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.hubsim.simulator.testing.HubTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** hubsim's admin API under {@code /_hubsim/}: health, the virtual clock, reset, and the optional admin token. */
class AdminApiHttpTest {
    private static final Seed SEED = new Seed(
            List.of(new Seed.User("alice", "alice-password", null, false, List.of())),
            List.of(), List.of(),
            List.of(new Seed.Image("library/nginx:1.27", List.of("linux/amd64"), List.of("2KB"))));

    private Simulator simulator;
    private RegistryHttp http;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(Simulator.Builder builder) {
        simulator = builder.start();
        http = new RegistryHttp(simulator.baseUri());
    }

    private Reply postJson(String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post(path, body.getBytes(StandardCharsets.UTF_8), all);
    }

    @Test
    void healthAnswersUpAsJson() {
        start(Simulator.builder().auth(AuthMode.TOKEN));

        Reply health = http.get("/_hubsim/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Content-Type")).startsWith("application/json");
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theClockStartsAtRealTimeWithNoOffset() {
        start(Simulator.builder().auth(AuthMode.TOKEN));

        Reply clock = http.get("/_hubsim/clock");

        assertThat(clock.status()).isEqualTo(200);
        assertThat(Instant.parse(clock.json().path("now").asText())).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(Duration.parse(clock.json().path("offset").asText())).isZero();
    }

    @Test
    void advancingTheClockMovesItForwardAndTheSimulatorSeesIt() {
        start(Simulator.builder().auth(AuthMode.TOKEN));

        Reply moved = postJson("/_hubsim/clock", "{\"advance\":\"PT6H\"}");
        Reply read = http.get("/_hubsim/clock");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(Duration.parse(moved.json().path("offset").asText())).isEqualTo(Duration.ofHours(6));
        assertThat(Instant.parse(moved.json().path("now").asText()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(6)), within(Duration.ofMinutes(1)));
        assertThat(Duration.parse(read.json().path("offset").asText())).isEqualTo(Duration.ofHours(6));
        assertThat(simulator.clock().offset()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void settingTheClockJumpsToTheInstant() {
        start(Simulator.builder().auth(AuthMode.TOKEN));

        Reply set = postJson("/_hubsim/clock", "{\"set\":\"2026-01-01T00:00:00Z\"}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(Instant.parse(set.json().path("now").asText()))
                .isCloseTo(Instant.parse("2026-01-01T00:00:00Z"), within(Duration.ofSeconds(30)));
        assertThat(simulator.clock().instant()).isCloseTo(Instant.parse("2026-01-01T00:00:00Z"), within(Duration.ofSeconds(30)));
    }

    @Test
    void advancingTheClockThroughTheApiExpiresTokensAndRefillsQuotas() {
        start(Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.parse("anonymous=1/1h")).seed(SEED));
        HubTokens tokens = new HubTokens(http);
        String token = tokens.anonymous("library/nginx", "pull");
        manifest(token).expect(200);
        manifest(token).expect(429);

        postJson("/_hubsim/clock", "{\"advance\":\"PT1H\"}").expect(200);

        assertThat(manifest(token).status()).as("the old token expired").isEqualTo(401);
        Reply again = manifest(tokens.anonymous("library/nginx", "pull"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ratelimit-remaining")).isEqualTo("0;w=3600");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{}", "[]", "{\"advance\":\"six hours\"}", "{\"set\":\"tomorrow\"}",
            "{\"advance\":null}", "{\"forward\":\"PT1H\"}", ""})
    void aBadClockBodyIsRefusedWith400AndAMessageAndLeavesTheClockAlone(String body) {
        start(Simulator.builder().auth(AuthMode.TOKEN));

        Reply refused = postJson("/_hubsim/clock", body);

        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).isNotBlank();
        assertThat(simulator.clock().offset()).isZero();
    }

    @Test
    void aBadDurationIsNamedInTheMessage() {
        start(Simulator.builder().auth(AuthMode.TOKEN));

        Reply refused = postJson("/_hubsim/clock", "{\"advance\":\"six hours\"}");

        assertThat(refused.json().path("message").asText()).contains("six hours").contains("PT6H");
    }

    @Test
    void resetEmptiesTheRegistryAndAppliesTheSeedAgain() {
        start(Simulator.builder().auth(AuthMode.TOKEN).seed(SEED));
        HubTokens tokens = new HubTokens(http);
        String alice = tokens.forUser("alice", "alice-password", "alice/app", "pull,push");
        push(alice, "alice/app", "v1", TestImages.ociImage());
        deleteSeededImage();
        manifest(tokens.anonymous("library/nginx", "pull")).expect(404);
        postJson("/_hubsim/clock", "{\"advance\":\"PT2H\"}").expect(200);

        Reply reset = http.post("/_hubsim/reset", new byte[0]);

        assertThat(reset.status()).isEqualTo(204);
        String aliceAgain = tokens.forUser("alice", "alice-password", "alice/app", "pull,push");
        assertThat(http.get("/v2/alice/app/manifests/v1", "Accept", RegistryHttp.ACCEPT_ALL,
                "Authorization", bearer(aliceAgain)).status()).as("the pushed repository is gone").isEqualTo(404);
        assertThat(manifest(tokens.anonymous("library/nginx", "pull")).status()).as("the seeded image is back")
                .isEqualTo(200);
        assertThat(simulator.clock().offset()).as("the clock is back to real time").isZero();
    }

    @Test
    void theSeededUserStillLogsInAfterAResetAndMayPushAgain() {
        start(Simulator.builder().auth(AuthMode.TOKEN).seed(SEED));

        http.post("/_hubsim/reset", new byte[0]).expect(204);
        String alice = new HubTokens(http).forUser("alice", "alice-password", "alice/app", "pull,push");

        assertThat(push(alice, "alice/app", "v2", TestImages.ociImage()).status()).isEqualTo(201);
    }

    @Test
    void resetForgetsQuotasUsedSoFar() {
        start(Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.parse("anonymous=1/1h")).seed(SEED));
        HubTokens tokens = new HubTokens(http);
        manifest(tokens.anonymous("library/nginx", "pull")).expect(200);
        manifest(tokens.anonymous("library/nginx", "pull")).expect(429);

        http.post("/_hubsim/reset", new byte[0]).expect(204);

        assertThat(manifest(tokens.anonymous("library/nginx", "pull")).status()).isEqualTo(200);
    }

    @Nested
    class WithAnAdminToken {
        @Test
        void clockAndResetNeedTheBearerToken() {
            start(Simulator.builder().auth(AuthMode.TOKEN).adminToken("T").seed(SEED));

            Reply noToken = http.get("/_hubsim/clock");
            Reply wrongToken = http.get("/_hubsim/clock", "Authorization", "Bearer wrong");
            Reply basic = http.get("/_hubsim/clock", "Authorization", "Basic VDo=");
            Reply moveWithout = postJson("/_hubsim/clock", "{\"advance\":\"PT1H\"}");
            Reply resetWithout = http.post("/_hubsim/reset", new byte[0]);

            assertThat(List.of(noToken, wrongToken, basic, moveWithout, resetWithout))
                    .extracting(Reply::status).containsOnly(401);
            assertThat(noToken.json().path("message").asText()).contains("Bearer");
            assertThat(simulator.clock().offset()).as("the refused move did nothing").isZero();
        }

        @Test
        void aRefusedResetLeavesTheStateAlone() {
            start(Simulator.builder().auth(AuthMode.TOKEN).adminToken("T").seed(SEED));
            deleteSeededImage();

            http.post("/_hubsim/reset", new byte[0]).expect(401);

            assertThat(manifest(new HubTokens(http).anonymous("library/nginx", "pull")).status())
                    .as("not re-seeded").isEqualTo(404);
        }

        @Test
        void theRightTokenOpensClockAndReset() {
            start(Simulator.builder().auth(AuthMode.TOKEN).adminToken("T").seed(SEED));

            Reply read = http.get("/_hubsim/clock", "Authorization", "Bearer T");
            Reply moved = postJson("/_hubsim/clock", "{\"advance\":\"PT1H\"}", "Authorization", "Bearer T");
            Reply reset = http.post("/_hubsim/reset", new byte[0], "Authorization", "Bearer T");

            assertThat(read.status()).isEqualTo(200);
            assertThat(moved.status()).isEqualTo(200);
            assertThat(reset.status()).isEqualTo(204);
            assertThat(simulator.clock().offset()).as("reset after the move").isZero();
        }

        @Test
        void healthStaysOpen() {
            start(Simulator.builder().auth(AuthMode.TOKEN).adminToken("T"));

            Reply health = http.get("/_hubsim/health");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private void deleteSeededImage() {
        simulator.registry().deleteManifest("library/nginx",
                simulator.registry().manifest("library/nginx", "1.27").digest().toString());
    }

    private Reply manifest(String token) {
        return http.get("/v2/library/nginx/manifests/1.27", "Accept", RegistryHttp.ACCEPT_ALL, "Authorization", bearer(token));
    }

    /** Monolithic blob uploads ({@code POST ?digest=}) and a manifest PUT, all with the bearer token. */
    private Reply push(String token, String repository, String tag, Image image) {
        for (Blob blob : image.blobs()) {
            http.post("/v2/" + repository + "/blobs/uploads/?digest=" + blob.digest(), blob.bytes(),
                    "Authorization", bearer(token), "Content-Type", "application/octet-stream").expect(201);
        }
        return http.put("/v2/" + repository + "/manifests/" + tag, image.bytes(),
                "Authorization", bearer(token), "Content-Type", image.mediaType()).expect(201);
    }
}
