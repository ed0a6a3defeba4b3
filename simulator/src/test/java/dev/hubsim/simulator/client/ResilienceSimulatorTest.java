package dev.hubsim.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.CircuitOpenException;
import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.error.TransportException;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.core.resilience.CircuitState;
import dev.hubsim.core.resilience.EndpointFamily;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.journal.JournalEntry;
import dev.hubsim.simulator.journal.JournalQuery;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's retries and circuit breaker against the simulator's fault injection, over real HTTP with token auth:
 * 503 storms, connection resets, lost chunk answers and tokens that expire in the middle of a push.
 */
class ResilienceSimulatorTest {
    private static final ImageReference NGINX = ImageReference.parse("nginx:1.0");

    private final ClientHub hub = ClientHub.start(options -> options.clock(Clock.systemUTC())
            .tokenLifetime(Duration.ofSeconds(60)));

    @AfterEach
    void stop() {
        hub.close();
    }

    /** Quick retries; the simulator's clock, so that moving it moves the breaker's reset timeout too. */
    private DockerHubClient.Builder fast(DockerHubClient.Builder client) {
        return client.clock(hub.simulator.clock()).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5));
    }

    private List<JournalEntry> journal(String method, Operation operation) {
        return hub.simulator.journal().entries(JournalQuery.all().method(method).operation(operation));
    }

    @Test
    void aStormOf503sTripsTheBreakerWhichRejectsFastAndRecoversAfterTheResetTimeout() {
        DockerHubClient client = fast(hub.anonymous()).maxRetries(3).circuitBreaker(3, Duration.ofSeconds(30)).build();
        FaultRule storm = hub.simulator.faults().add(FaultRule.when().operation(Operation.MANIFEST_GET)
                .respond(RegistryErrorCode.UNAVAILABLE));

        assertThatThrownBy(() -> client.registry().getManifest(NGINX)).isInstanceOf(CircuitOpenException.class);
        assertThat(client.circuitState(EndpointFamily.REGISTRY)).isEqualTo(CircuitState.OPEN);
        int seen = journal("GET", Operation.MANIFEST_GET).size();
        assertThat(seen).as("attempts until the breaker opened").isEqualTo(3);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> client.registry().getManifest(NGINX)).isInstanceOf(CircuitOpenException.class);
        }
        assertThat(journal("GET", Operation.MANIFEST_GET)).as("rejected without being sent").hasSize(seen);

        hub.simulator.faults().remove(storm.id());
        hub.simulator.clock().advance(Duration.ofSeconds(30));

        assertThat(client.registry().getManifest(NGINX).manifest().layers()).hasSize(2);
        assertThat(client.circuitState(EndpointFamily.REGISTRY)).isEqualTo(CircuitState.CLOSED);
        assertThat(client.circuitState(EndpointFamily.AUTH)).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void connectionResetsAreRetried() {
        hub.simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).method("GET").times(2).reset());
        Digest layer = hub.anonymous().build().registry().getManifest(NGINX).manifest().layers().get(0).digest();
        DockerHubClient client = fast(hub.anonymous()).maxRetries(3).build();

        try (InputStream in = client.registry().openBlob("library/nginx", layer)) {
            assertThat(Digest.sha256(in.readAllBytes())).isEqualTo(layer);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(hub.simulator.faults().list()).allSatisfy(fault -> assertThat(fault.fired()).isEqualTo(2L));

        hub.simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).method("GET").times(5).reset());
        assertThatThrownBy(() -> fast(hub.anonymous()).maxRetries(0).build().registry().openBlob("library/nginx", layer))
                .isInstanceOf(TransportException.class);
    }

    @Test
    void aChunkWhoseAnswerIsLostIsResumedNotSentAgain() throws IOException {
        Blob layer = TestImages.layer(1000);
        hub.simulator.faults().add(FaultRule.when().operation(Operation.BLOB_UPLOAD).method("PATCH").after(1).once()
                .reset());
        DockerHubClient alice = fast(hub.alice()).chunkSize(300).build();

        assertThat(alice.registry().pushBlob("alice/resumed", BlobContent.of(layer.bytes()))).isEqualTo(layer.digest());

        assertThat(journal("PATCH", Operation.BLOB_UPLOAD)).as("4 chunks, each sent once").hasSize(4);
        try (InputStream in = alice.registry().openBlob("alice/resumed", layer.digest())) {
            assertThat(in.readAllBytes()).isEqualTo(layer.bytes());
        }
    }

    @Test
    void aTokenThatExpiresInTheMiddleOfAPushIsRefreshedWithoutFailingThePush() throws IOException {
        Blob layer = TestImages.layer(1000);
        // the client's own clock does not move: only the registry sees the token expire, and answers 401
        DockerHubClient alice = hub.alice().chunkSize(300).build();
        int tokensBefore = hub.tokenRequests.get();

        Digest pushed = alice.registry().pushBlob("alice/long-push", BlobContent.once(
                new AdvancingStream(layer.bytes(), 600, () -> hub.simulator.clock().advance(Duration.ofMinutes(2)))));

        assertThat(pushed).isEqualTo(layer.digest());
        assertThat(hub.simulator.journal().entries(JournalQuery.all().method("PATCH").status(401))).hasSize(1);
        assertThat(hub.tokenRequests.get() - tokensBefore).as("first token, then one refresh").isEqualTo(2);
        try (InputStream in = alice.registry().openBlob("alice/long-push", layer.digest())) {
            assertThat(in.readAllBytes()).isEqualTo(layer.bytes());
        }
    }

    @Test
    void aClientOnTheRegistrysClockRefreshesItsTokenBeforeTheRegistryWouldRefuseIt() {
        Blob layer = TestImages.layer(1000);
        DockerHubClient alice = hub.alice().clock(hub.simulator.clock()).chunkSize(300).build();

        alice.registry().pushBlob("alice/early-refresh", BlobContent.once(
                new AdvancingStream(layer.bytes(), 600, () -> hub.simulator.clock().advance(Duration.ofMinutes(2)))));

        assertThat(hub.simulator.journal().entries(JournalQuery.all().method("PATCH").status(401))).isEmpty();
        assertThat(hub.tokenRequests.get()).isEqualTo(2);
    }

    /** Content that runs an action once {@code at} bytes have been read: time passes in the middle of a push. */
    private static final class AdvancingStream extends FilterInputStream {
        private final long at;
        private final Runnable action;
        private long read;

        AdvancingStream(byte[] bytes, long at, Runnable action) {
            super(new ByteArrayInputStream(bytes));
            this.at = at;
            this.action = action;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (read < at && n > 0 && read + n >= at) {
                action.run();
            }
            read += Math.max(n, 0);
            return n;
        }
    }
}
