package dev.hubsim.simulator.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.TestClock;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.WebhookReceiver;
import dev.hubsim.simulator.testing.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Webhooks fired by pushes through the registry's HTTP API, received by a loopback receiver: Docker Hub's payload,
 * one per pushed tag, asynchronous, retried on failure, only where configured.
 */
class WebhookDeliveryHttpTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Seed ALICE = new Seed(List.of(new Seed.User("alice", "alice-password", null, false, List.of())),
            List.of(), List.of(), List.of());
    private static final DeliveryPolicy FAST = new DeliveryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(5));

    private final List<AutoCloseable> resources = new ArrayList<>();
    private Simulator simulator;
    private RegistryHttp alice;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private void start(Clock clock, DeliveryPolicy policy) {
        simulator = Simulator.builder().auth(AuthMode.TOKEN).clock(clock).seed(ALICE).webhookDelivery(policy).start();
        alice = RegistryHttp.loggedIn(simulator.baseUri(), "alice", "alice-password");
    }

    private WebhookReceiver receiver(Integer... statuses) {
        WebhookReceiver receiver = new WebhookReceiver(statuses);
        resources.add(receiver);
        return receiver;
    }

    private void push(String repository, String tag) {
        alice.pushImage(repository, tag, TestImages.ociImage());
    }

    @Test
    void aPushedTagDeliversExactlyOneDockerHubPayload() throws Exception {
        start(new TestClock(NOW), FAST);
        WebhookReceiver receiver = receiver();
        simulator.registry().createRepository("alice/web", false, "Front end", "Long README text");
        simulator.webhooks().add(new Webhook("alice/web", "ci", receiver.url("/hooks/ci")));

        push("alice/web", "1.4.2");

        Received request = receiver.await(1).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/ci");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode payload = request.json();
        assertThat(fieldNames(payload)).containsExactly("callback_url", "push_data", "repository");
        assertThat(payload.path("callback_url").asText())
                .matches(simulator.baseUri() + "/u/alice/web/hook/[0-9a-f]{32}/");
        JsonNode pushData = payload.path("push_data");
        assertThat(fieldNames(pushData)).containsExactly("pushed_at", "pusher", "tag");
        assertThat(pushData.path("pushed_at").isIntegralNumber()).isTrue();
        assertThat(pushData.path("pushed_at").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(pushData.path("pusher").asText()).isEqualTo("alice");
        assertThat(pushData.path("tag").asText()).isEqualTo("1.4.2");
        JsonNode repository = payload.path("repository");
        assertThat(fieldNames(repository)).containsExactly("comment_count", "date_created", "description", "dockerfile",
                "full_description", "is_official", "is_private", "is_trusted", "name", "namespace", "owner", "repo_name",
                "repo_url", "star_count", "status");
        assertThat(repository.path("comment_count").asInt(-1)).isZero();
        assertThat(repository.path("date_created").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(repository.path("description").asText()).isEqualTo("Front end");
        assertThat(repository.path("dockerfile").asText()).isEmpty();
        assertThat(repository.path("full_description").asText()).isEqualTo("Long README text");
        assertThat(repository.path("is_official").isBoolean()).isTrue();
        assertThat(repository.path("is_official").asBoolean()).isFalse();
        assertThat(repository.path("is_private").asBoolean(true)).isFalse();
        assertThat(repository.path("is_trusted").asBoolean(true)).isFalse();
        assertThat(repository.path("name").asText()).isEqualTo("web");
        assertThat(repository.path("namespace").asText()).isEqualTo("alice");
        assertThat(repository.path("owner").asText()).isEqualTo("alice");
        assertThat(repository.path("repo_name").asText()).isEqualTo("alice/web");
        assertThat(repository.path("repo_url").asText()).isEqualTo("https://registry.hub.docker.com/u/alice/web/");
        assertThat(repository.path("star_count").asInt(-1)).isZero();
        assertThat(repository.path("status").asText()).isEqualTo("Active");

        Thread.sleep(300);
        assertThat(receiver.received()).hasSize(1);
        assertThat(simulator.webhooks().deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery).extracting(Delivery::webhook, Delivery::repository, Delivery::tag, Delivery::attempt,
                    Delivery::status, Delivery::error, Delivery::delivered).containsExactly("ci", "alice/web", "1.4.2",
                    1, 200, null, true);
            assertThat(delivery.time()).isEqualTo(NOW);
        });
    }

    @Test
    void everyPushedTagGetsItsOwnPayloadAndEveryWebhookOfTheRepositoryGetsIt() throws Exception {
        start(new TestClock(NOW), FAST);
        WebhookReceiver first = receiver();
        WebhookReceiver second = receiver();
        simulator.webhooks().add(new Webhook("alice/web", "first", first.url("/a")));
        simulator.webhooks().add(new Webhook("alice/web", "second", second.url("/b")));

        push("alice/web", "1.0");
        push("alice/web", "latest");

        for (WebhookReceiver receiver : List.of(first, second)) {
            assertThat(receiver.await(2)).extracting(r -> r.json().path("push_data").path("tag").asText())
                    .containsExactlyInAnyOrder("1.0", "latest");
        }
        Thread.sleep(300);
        assertThat(first.received()).hasSize(2);
        assertThat(second.received()).hasSize(2);
    }

    @Test
    void aReceiverThatFailsOnceIsRetriedAndTheLogShowsBothAttempts() throws Exception {
        start(new TestClock(NOW), FAST);
        WebhookReceiver receiver = receiver(500, 200);
        simulator.webhooks().add(new Webhook("alice/web", "flaky", receiver.url("/hook")));

        push("alice/web", "1.0");

        List<Received> requests = receiver.await(2);
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        Thread.sleep(300);
        assertThat(receiver.received()).hasSize(2);
        assertThat(simulator.webhooks().deliveries())
                .extracting(Delivery::attempt, Delivery::status, Delivery::delivered)
                .containsExactly(tuple(1, 500, false),
                        tuple(2, 200, true));
    }

    @Test
    void anUnreachableReceiverIsTriedTheConfiguredNumberOfTimesWithGrowingPauses() throws Exception {
        start(Clock.systemUTC(), new DeliveryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2)));
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
        }
        simulator.webhooks().add(new Webhook("alice/web", "down", closed));

        push("alice/web", "1.0");

        List<Delivery> attempts = awaitDeliveries(3);
        assertThat(attempts).extracting(Delivery::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).allSatisfy(d -> {
            assertThat(d.status()).isNull();
            assertThat(d.error()).isEqualTo("connection refused");
            assertThat(d.delivered()).isFalse();
        });
        assertThat(Duration.between(attempts.get(0).time(), attempts.get(1).time())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(Duration.between(attempts.get(1).time(), attempts.get(2).time())).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        Thread.sleep(600);
        assertThat(simulator.webhooks().deliveries()).hasSize(3);
    }

    @Test
    void pushesToRepositoriesWithoutAWebhookDeliverNothing() throws Exception {
        start(new TestClock(NOW), FAST);
        WebhookReceiver receiver = receiver();
        simulator.webhooks().add(new Webhook("alice/web", "ci", receiver.url("/hook")));

        push("alice/other", "1.0");
        push("alice/web-staging", "1.0");
        push("alice/web", "1.0");

        assertThat(receiver.await(1)).singleElement()
                .satisfies(r -> assertThat(r.json().path("repository").path("repo_name").asText()).isEqualTo("alice/web"));
        Thread.sleep(300);
        assertThat(receiver.received()).hasSize(1);
        assertThat(simulator.webhooks().deliveries()).extracting(Delivery::repository).containsOnly("alice/web");
    }

    @Test
    void thePushIsAnsweredWhileTheReceiverIsStillBusy() throws Exception {
        start(new TestClock(NOW), FAST);
        WebhookReceiver receiver = receiver();
        receiver.holdAnswers();
        simulator.webhooks().add(new Webhook("alice/web", "slow", receiver.url("/hook")));

        push("alice/web", "1.0");

        receiver.await(1);
        assertThat(simulator.webhooks().deliveries()).isEmpty();
        receiver.releaseAnswers();
        assertThat(awaitDeliveries(1)).singleElement().extracting(Delivery::delivered).isEqualTo(true);
    }

    @Test
    void seededImagesFireNothingAndResetRestoresTheSeededWebhooksAndClearsTheLog() throws Exception {
        WebhookReceiver receiver = receiver();
        Seed seed = new Seed(ALICE.users(), List.of(), List.of(),
                List.of(new Seed.Image("alice/web:seeded", null, List.of("1KB"))),
                List.of(new Seed.Webhook("alice/web", "seeded", receiver.url("/hook").toString())), List.of(), List.of());
        simulator = Simulator.builder().auth(AuthMode.TOKEN).clock(new TestClock(NOW)).seed(seed)
                .webhookDelivery(FAST).start();
        alice = RegistryHttp.loggedIn(simulator.baseUri(), "alice", "alice-password");
        simulator.webhooks().add(new Webhook("alice/web", "added", receiver.url("/added")));
        push("alice/web", "1.0");
        receiver.await(2);

        simulator.reset();

        assertThat(simulator.webhooks().list()).extracting(Webhook::name).containsExactly("seeded");
        assertThat(simulator.webhooks().deliveries()).isEmpty();
        Thread.sleep(300);
        assertThat(receiver.received()).extracting(Received::path).containsExactlyInAnyOrder("/hook", "/added");
    }

    @Test
    void closingTheSimulatorStopsTheDeliveryThreads() throws Exception {
        long before = webhookThreads();
        start(new TestClock(NOW), new DeliveryPolicy(5, Duration.ofSeconds(30), Duration.ofSeconds(5)));
        WebhookReceiver receiver = receiver(500);
        simulator.webhooks().add(new Webhook("alice/web", "failing", receiver.url("/hook")));
        push("alice/web", "1.0");
        receiver.await(1);
        assertThat(webhookThreads()).isGreaterThan(before);

        simulator.close();
        simulator = null;

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (webhookThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(webhookThreads()).isEqualTo(before);
    }

    private static long webhookThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("hubsim-webhooks")).count();
    }

    private List<Delivery> awaitDeliveries(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (simulator.webhooks().deliveries().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(simulator.webhooks().deliveries()).hasSizeGreaterThanOrEqualTo(count);
        return simulator.webhooks().deliveries();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
