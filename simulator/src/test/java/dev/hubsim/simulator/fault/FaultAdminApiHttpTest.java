package dev.hubsim.simulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /_hubsim/faults}: add, list with counts, remove; validation; the seed's rules and reset. */
class FaultAdminApiHttpTest {
    private static final String UNAVAILABLE_ONCE = """
            {"path": "/v2/", "times": 1, "action": {"type": "respond", "code": "UNAVAILABLE", "retryAfter": 3}}""";

    @TempDir
    Path work;

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

    private Reply post(String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post("/_hubsim/faults", json.getBytes(StandardCharsets.UTF_8), all);
    }

    @Test
    void aPostedRuleIsAnsweredWithItsIdAndEveryFieldAndThenFires() {
        start(Simulator.builder().auth(AuthMode.NONE));

        Reply created = post(UNAVAILABLE_ONCE);

        assertThat(created.status()).isEqualTo(201);
        JsonNode rule = created.json();
        assertThat(rule.path("id").asText()).isEqualTo("fault-1");
        assertThat(rule.path("path").asText()).isEqualTo("/v2/");
        assertThat(rule.path("times").asInt()).isEqualTo(1);
        assertThat(rule.path("probability").asDouble()).isEqualTo(1.0);
        assertThat(rule.path("action").path("type").asText()).isEqualTo("respond");
        assertThat(rule.path("action").path("status").asInt()).isEqualTo(503);
        assertThat(rule.path("action").path("code").asText()).isEqualTo("UNAVAILABLE");
        assertThat(rule.path("action").path("retryAfter").asInt()).isEqualTo(3);
        assertThat(rule.path("matches").asInt()).isZero();
        Reply refused = http.get("/v2/");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("3");
        assertThat(http.get("/v2/").status()).isEqualTo(200);
    }

    @Test
    void theListShowsEveryRuleInOrderWithItsMatchAndFireCounts() {
        start(Simulator.builder().auth(AuthMode.NONE));
        post(UNAVAILABLE_ONCE).expect(201);
        post("""
                {"id": "slow-token", "operation": "token", "action": {"type": "latency", "delay": "PT0.01S"}}""").expect(201);
        http.get("/v2/");
        http.get("/v2/");
        http.get("/token");

        JsonNode faults = http.get("/_hubsim/faults").expect(200).json().path("faults");

        assertThat(faults).hasSize(2);
        assertThat(faults.path(0).path("id").asText()).isEqualTo("fault-1");
        assertThat(faults.path(0).path("matches").asInt()).isEqualTo(2);
        assertThat(faults.path(0).path("fired").asInt()).isEqualTo(1);
        assertThat(faults.path(1).path("id").asText()).isEqualTo("slow-token");
        assertThat(faults.path(1).path("operation").asText()).isEqualTo("token");
        assertThat(faults.path(1).path("action").path("delay").asText()).isEqualTo("PT0.01S");
        assertThat(faults.path(1).path("fired").asInt()).isEqualTo(1);
        assertThat(http.get("/_hubsim/faults/slow-token").expect(200).json().path("matches").asInt()).isEqualTo(1);
    }

    @Test
    void rulesAreRemovedOneByOneOrAllAtOnce() {
        start(Simulator.builder().auth(AuthMode.NONE));
        post(UNAVAILABLE_ONCE).expect(201);
        post(UNAVAILABLE_ONCE).expect(201);
        post(UNAVAILABLE_ONCE).expect(201);

        assertThat(http.delete("/_hubsim/faults/fault-2").status()).isEqualTo(204);
        assertThat(http.get("/_hubsim/faults/fault-2").status()).isEqualTo(404);
        assertThat(http.delete("/_hubsim/faults/fault-2").json().path("message").asText())
                .isEqualTo("no fault rule with id 'fault-2'");
        assertThat(simulator.faults().list()).extracting(s -> s.rule().id()).containsExactly("fault-1", "fault-3");
        assertThat(http.delete("/_hubsim/faults").status()).isEqualTo(204);
        assertThat(http.get("/_hubsim/faults").json().path("faults")).isEmpty();
        assertThat(http.get("/v2/").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                              | action is required",
            "[]                                                              | a fault rule is a JSON object",
            "{\"action\":{\"type\":\"explode\"}}                             | action.type must be one of respond, latency, reset, throttle, truncate, digest-mismatch, got 'explode'",
            "{\"action\":{}}                                                 | action.type must be one of",
            "{\"action\":\"reset\"}                                          | action must be an object",
            "{\"operation\":\"pull\",\"action\":{\"type\":\"reset\"}}        | operation 'pull' is unknown: use one of token, manifest-get, manifest-put, blob-get, blob-upload, hub-api, other",
            "{\"method\":\"FETCH\",\"action\":{\"type\":\"reset\"}}          | method must be one of DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT, got 'FETCH'",
            "{\"times\":0,\"action\":{\"type\":\"reset\"}}                   | times must be 1 or more",
            "{\"times\":\"twice\",\"action\":{\"type\":\"reset\"}}           | times must be a whole number",
            "{\"after\":-1,\"action\":{\"type\":\"reset\"}}                  | after must be 0 or more",
            "{\"probability\":1.5,\"action\":{\"type\":\"reset\"}}           | probability must be more than 0 and at most 1, got 1.5",
            "{\"probability\":0,\"action\":{\"type\":\"reset\"}}             | probability must be more than 0 and at most 1",
            "{\"seed\":0.5,\"action\":{\"type\":\"reset\"}}                  | seed must be a whole number",
            "{\"path\":\"\",\"action\":{\"type\":\"reset\"}}                 | path must not be empty",
            "{\"repo\":\"a/b\",\"action\":{\"type\":\"reset\"}}              | unknown field 'repo': allowed are",
            "{\"id\":\"a b\",\"action\":{\"type\":\"reset\"}}                | id must be letters, digits",
            "{\"action\":{\"type\":\"respond\"}}                             | action.code is required",
            "{\"action\":{\"type\":\"respond\",\"code\":\"OOPS\"}}           | action.code 'OOPS' is not a registry error code",
            "{\"action\":{\"type\":\"respond\",\"code\":\"DENIED\",\"status\":700}} | action.status must be an HTTP status from 100 to 599, got 700",
            "{\"action\":{\"type\":\"respond\",\"code\":\"DENIED\",\"retryAfter\":-2}} | action.retryAfter must be a whole, non-negative number of seconds",
            "{\"action\":{\"type\":\"latency\"}}                             | action.delay is required",
            "{\"action\":{\"type\":\"latency\",\"delay\":\"2s\"}}            | action.delay '2s' is not an ISO-8601 duration",
            "{\"action\":{\"type\":\"latency\",\"delay\":\"-PT1S\"}}         | action.delay must be a non-negative",
            "{\"action\":{\"type\":\"throttle\",\"bytesPerSecond\":0}}       | action.bytesPerSecond must be a positive number",
            "{\"action\":{\"type\":\"truncate\"}}                            | action.afterBytes is required",
            "{\"action\":{\"type\":\"reset\",\"afterBytes\":-1}}             | action.afterBytes must be 0 or more",
            "{\"action\":{\"type\":\"reset\",\"bytes\":5}}                   | unknown field 'action.bytes': allowed are [action.afterBytes, action.type]",
            "not json                                                        | the body must be a JSON fault rule"})
    void aBadRuleIsA400WhoseMessageNamesTheField(String body, String message) {
        start(Simulator.builder().auth(AuthMode.NONE));

        Reply refused = post(body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains(message);
        assertThat(simulator.faults().list()).isEmpty();
    }

    @Test
    void aSecondRuleWithTheSameIdIsRefused() {
        start(Simulator.builder().auth(AuthMode.NONE));
        post("{\"id\":\"x\",\"action\":{\"type\":\"reset\"}}").expect(201);

        Reply refused = post("{\"id\":\"x\",\"action\":{\"type\":\"truncate\",\"afterBytes\":1}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("id 'x' is already used");
    }

    @Test
    void withAnAdminTokenTheFaultsApiNeedsIt() {
        start(Simulator.builder().auth(AuthMode.NONE).adminToken("admin-Qz7"));

        assertThat(post(UNAVAILABLE_ONCE).status()).isEqualTo(401);
        assertThat(http.get("/_hubsim/faults").status()).isEqualTo(401);
        assertThat(http.delete("/_hubsim/faults").status()).isEqualTo(401);
        assertThat(post(UNAVAILABLE_ONCE, "Authorization", "Bearer admin-Qz7").status()).isEqualTo(201);
    }

    @Test
    void theSeedFilesRulesApplyAtStartAndAgainAfterReset() throws IOException {
        Path file = Files.writeString(work.resolve("seed.yaml"), """
                faults:
                  - id: flaky-manifests
                    operation: manifest-get
                    repository: library/*
                    probability: 0.25
                    seed: 9
                    action: {type: respond, code: TOOMANYREQUESTS, retryAfter: 60}
                  - path: /v2/
                    times: 1
                    action: {type: respond, status: 502, code: UNAVAILABLE, message: bad gateway}
                """);
        start(Simulator.builder().auth(AuthMode.NONE).seed(Seed.load(file)));

        assertThat(http.get("/v2/").status()).isEqualTo(502);
        assertThat(http.get("/v2/").status()).isEqualTo(200);
        http.delete("/_hubsim/faults/flaky-manifests").expect(204);
        http.post("/_hubsim/reset", new byte[0]).expect(204);

        assertThat(simulator.faults().list()).extracting(s -> s.rule().id()).containsExactly("flaky-manifests", "fault-1");
        assertThat(simulator.faults().list()).allSatisfy(s -> assertThat(s.matches()).isZero());
        FaultRule flaky = simulator.faults().get("flaky-manifests").orElseThrow().rule();
        assertThat(flaky.action()).isEqualTo(new FaultAction.Respond(429,
                dev.hubsim.core.error.RegistryErrorCode.TOOMANYREQUESTS, "too many requests", java.time.Duration.ofMinutes(1)));
        assertThat(flaky.probability()).isEqualTo(0.25);
        Reply refused = http.get("/v2/");
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.error().path("message").asText()).isEqualTo("bad gateway");
    }

    @Test
    void aBadRuleInTheSeedFileFailsTheLoadNamingTheRuleAndTheField() throws IOException {
        Path file = Files.writeString(work.resolve("seed.yaml"), """
                faults:
                  - action: {type: reset}
                  - operation: blob-get
                    action: {type: throttle}
                """);

        assertThatThrownBy(() -> Seed.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("faults[1]").hasMessageContaining("action.bytesPerSecond is required");
    }

    @Test
    void twoSeededRulesWithOneIdFailTheLoad() throws IOException {
        Path file = Files.writeString(work.resolve("seed.yaml"), """
                faults:
                  - {id: twin, action: {type: reset}}
                  - {id: twin, action: {type: digest-mismatch}}
                """);

        assertThatThrownBy(() -> Seed.load(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two fault rules have the id 'twin'");
    }
}
