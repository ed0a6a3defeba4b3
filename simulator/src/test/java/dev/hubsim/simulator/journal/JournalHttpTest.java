package dev.hubsim.simulator.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The request journal: what it records, its filters over HTTP and in Java, its bound, and that it holds no secret. */
class JournalHttpTest {
    private static final String PASSWORD = "alice-pw-Jx83";
    private static final Seed SEED = new Seed(List.of(new Seed.User("alice", PASSWORD, null, false, List.of())),
            List.of(), List.of(), List.of());

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private Simulator simulator;
    private RegistryHttp http;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(Simulator.Builder builder) {
        simulator = builder.clock(clock).start();
        http = new RegistryHttp(simulator.baseUri());
    }

    private void startOpen() {
        start(Simulator.builder().auth(AuthMode.NONE));
    }

    @Test
    void registryRequestsAreRecordedWithOperationRepositoryStatusTimeAndDuration() {
        startOpen();
        Image image = TestImages.ociImage();
        http.pushImage("alice/app", "v1", image);
        simulator.journal().clear();
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).latency(Duration.ofMillis(120)));

        http.getManifest("alice/app", "v1").expect(200);
        http.get("/v2/alice/app/blobs/" + image.blobs().get(1).digest()).expect(200);
        http.getManifest("alice/app", "missing").expect(404);

        List<JournalEntry> entries = simulator.journal().entries();
        assertThat(entries).extracting(JournalEntry::method, JournalEntry::status, JournalEntry::operation,
                JournalEntry::repository).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("GET", 200, Operation.MANIFEST_GET, "alice/app"),
                        org.assertj.core.groups.Tuple.tuple("GET", 200, Operation.BLOB_GET, "alice/app"),
                        org.assertj.core.groups.Tuple.tuple("GET", 404, Operation.MANIFEST_GET, "alice/app"));
        assertThat(entries.get(0).path()).isEqualTo("/v2/alice/app/manifests/v1");
        assertThat(entries).allSatisfy(e -> assertThat(e.time()).isEqualTo(clock.instant()));
        assertThat(entries.get(1).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(120));
        assertThat(entries.get(1).fault()).isEqualTo("fault-1");
        assertThat(entries.get(0).fault()).isNull();
    }

    @Test
    void aPushIsRecordedStepByStep() {
        startOpen();

        http.pushImage("alice/app", "v1", TestImages.image(TestImages.ociImage().mediaType(), 1, 10));

        assertThat(simulator.journal().entries()).extracting(JournalEntry::operation).containsExactly(
                Operation.BLOB_UPLOAD, Operation.BLOB_UPLOAD, Operation.BLOB_UPLOAD, Operation.BLOB_UPLOAD,
                Operation.MANIFEST_PUT);
        assertThat(simulator.journal().entries(JournalQuery.all().operation(Operation.MANIFEST_PUT)))
                .singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(201));
    }

    @Test
    void adminRequestsAreLeftOut() {
        startOpen();

        http.get("/_hubsim/health").expect(200);
        http.get("/_hubsim/faults").expect(200);
        http.get("/v2/").expect(200);
        http.get("/_hubsim/journal").expect(200);

        assertThat(http.get("/_hubsim/journal").json().path("entries")).singleElement()
                .satisfies(e -> assertThat(e.path("path").asText()).isEqualTo("/v2/"));
    }

    @Test
    void theTokenRequestRecordsTheBasicUserAndRegistryRequestsTheTokensSubjectButNoSecretAnywhere() {
        start(Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.UNLIMITED).seed(SEED));
        RegistryHttp alice = RegistryHttp.loggedIn(simulator.baseUri(), "alice", PASSWORD);
        Image image = TestImages.ociImage();
        alice.pushImage("alice/app", "v1", image);
        http.get("/token?service=registry.docker.io&scope=repository:alice/app:pull", "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        String token = http.get("/token?service=registry.docker.io&scope=repository:alice/app:pull").json()
                .path("token").asText();
        http.get("/v2/alice/app/manifests/v1", "Authorization", "Bearer " + token, "Accept", RegistryHttp.ACCEPT_ALL)
                .expect(200);
        http.post("/token", ("grant_type=password&service=registry.docker.io&client_id=test&username=alice&password="
                + PASSWORD).getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded").expect(200);
        http.get("/v2/?access_token=" + token + "&password=" + PASSWORD + "&n=2");

        List<JournalEntry> tokens = simulator.journal().entries(JournalQuery.all().operation(Operation.TOKEN));
        assertThat(tokens).isNotEmpty().anySatisfy(e -> assertThat(e.principal()).isEqualTo("alice"));
        assertThat(tokens).anySatisfy(e -> assertThat(e.principal()).isNull());
        assertThat(simulator.journal().entries(JournalQuery.all().operation(Operation.MANIFEST_PUT)))
                .singleElement().satisfies(e -> assertThat(e.principal()).isEqualTo("alice"));
        assertThat(simulator.journal().entries(JournalQuery.all().principal("alice").status(401))).isEmpty();
        JournalEntry anonymousPull = simulator.journal().entries(JournalQuery.all().operation(Operation.MANIFEST_GET))
                .get(0);
        assertThat(anonymousPull.status()).isEqualTo(200);
        assertThat(anonymousPull.principal()).isNull();
        assertThat(simulator.journal().entries(JournalQuery.all().pathPrefix("/v2/").limit(1)).get(0).query())
                .isEqualTo("access_token=REDACTED&password=REDACTED&n=2");
        String journal = http.get("/_hubsim/journal").expect(200).text();
        assertThat(journal).contains("\"principal\":\"alice\"").doesNotContain(PASSWORD).doesNotContain(token)
                .doesNotContain(token.split("\\.")[2]);
        assertThat(simulator.journal().entries().toString()).doesNotContain(PASSWORD).doesNotContain(token);
    }

    @Test
    void theHttpFiltersSelectEntriesByEveryCriterion() {
        startOpen();
        Image image = TestImages.ociImage();
        http.pushImage("alice/app", "v1", image);
        http.pushImage("library/nginx", "v1", image);
        simulator.journal().clear();
        http.getManifest("alice/app", "v1");
        clock.advance(Duration.ofMinutes(5));
        http.head("/v2/library/nginx/manifests/v1", "Accept", RegistryHttp.ACCEPT_ALL).expect(200);
        http.getManifest("library/nginx", "nope");
        http.get("/v2/library/nginx/blobs/" + image.blobs().get(0).digest());
        http.get("/v2/alice/app/tags/list");

        assertThat(paths("method=HEAD")).containsExactly("/v2/library/nginx/manifests/v1");
        assertThat(paths("operation=manifest-get")).containsExactly("/v2/alice/app/manifests/v1",
                "/v2/library/nginx/manifests/v1", "/v2/library/nginx/manifests/nope");
        assertThat(paths("repository=library/*&status=200")).containsExactly("/v2/library/nginx/manifests/v1",
                "/v2/library/nginx/blobs/" + image.blobs().get(0).digest());
        assertThat(paths("status=4xx")).containsExactly("/v2/library/nginx/manifests/nope");
        assertThat(paths("status=404&operation=blob-get")).isEmpty();
        assertThat(paths("pathPrefix=/v2/alice/")).containsExactly("/v2/alice/app/manifests/v1", "/v2/alice/app/tags/list");
        assertThat(paths("path=/v2/**/tags/*")).containsExactly("/v2/alice/app/tags/list");
        assertThat(paths("since=2026-03-01T10:05:00Z&limit=2")).containsExactly(
                "/v2/library/nginx/blobs/" + image.blobs().get(0).digest(), "/v2/alice/app/tags/list");
        assertThat(paths("principal=alice")).isEmpty();
        assertThat(simulator.journal().entries(JournalQuery.all().repository("library/nginx").method("get")
                .since(Instant.parse("2026-03-01T10:05:00Z")))).hasSize(2);
    }

    private List<String> paths(String query) {
        JsonNode body = http.get("/_hubsim/journal?" + query).expect(200).json();
        assertThat(body.path("count").asInt()).isEqualTo(body.path("entries").size());
        return body.path("entries").findValuesAsText("path");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "color=red           | unknown filter 'color'",
            "status=abc          | status must be a whole number of 0 or more, got 'abc'",
            "status=99           | status must be an HTTP status such as 404 or a class such as 4xx, got 99",
            "limit=-1            | limit must be a whole number of 0 or more",
            "since=yesterday     | since 'yesterday' is not an instant",
            "operation=pull      | operation 'pull' is unknown"})
    void aBadFilterIsA400ThatSaysWhich(String query, String message) {
        startOpen();

        Reply refused = http.get("/_hubsim/journal?" + query);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains(message);
    }

    @Test
    void theJournalKeepsTheLatestEntriesUpToItsCapacity() {
        start(Simulator.builder().auth(AuthMode.NONE).journalCapacity(3));

        for (int i = 0; i < 5; i++) {
            http.get("/v2/alice/app/tags/list?n=" + i);
        }

        assertThat(simulator.journal().entries()).extracting(JournalEntry::query).containsExactly("n=2", "n=3", "n=4");
        assertThat(http.get("/_hubsim/journal").json().path("capacity").asInt()).isEqualTo(3);
    }

    @Test
    void theDefaultCapacityIsTenThousand() {
        startOpen();

        assertThat(simulator.journal().capacity()).isEqualTo(10_000);
    }

    @Test
    void faultedRequestsAreRecordedWithTheirFaultAndStatus() {
        startOpen();
        simulator.faults().add(FaultRule.when().id("flaky").path("/v2/").once().respond(RegistryErrorCode.UNAVAILABLE));

        http.get("/v2/");
        http.get("/v2/");

        JsonNode entries = http.get("/_hubsim/journal").json().path("entries");
        assertThat(entries.path(0).path("status").asInt()).isEqualTo(503);
        assertThat(entries.path(0).path("fault").asText()).isEqualTo("flaky");
        assertThat(entries.path(0).path("operation").asText()).isEqualTo("other");
        assertThat(entries.path(1).path("status").asInt()).isEqualTo(200);
        assertThat(entries.path(1).has("fault")).isFalse();
    }

    @Test
    void deleteAndResetEmptyTheJournal() {
        startOpen();
        http.get("/v2/");

        assertThat(http.delete("/_hubsim/journal").status()).isEqualTo(204);
        assertThat(simulator.journal().entries()).isEmpty();
        http.get("/v2/");
        simulator.reset();
        assertThat(simulator.journal().entries()).isEmpty();
    }
}
