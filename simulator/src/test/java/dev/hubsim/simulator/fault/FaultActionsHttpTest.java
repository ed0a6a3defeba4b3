package dev.hubsim.simulator.fault;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fault action, observed the way a client meets it: status and headers, time, a broken connection, bytes. */
class FaultActionsHttpTest {
    private static final int BLOB_SIZE = 48 * 1024;

    private Simulator simulator;
    private RegistryHttp http;
    private byte[] blob;
    private String blobPath;

    @BeforeEach
    void start() {
        simulator = Simulator.builder().auth(AuthMode.NONE).start();
        http = new RegistryHttp(simulator.baseUri());
        blob = TestImages.randomBytes(BLOB_SIZE);
        blobPath = "/v2/alice/app/blobs/" + http.pushBlob("alice/app", blob);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void respondAnswersTheStatusTheRegistryErrorCodeAndRetryAfterInsteadOfTheRoute() {
        Image image = TestImages.ociImage();
        http.pushImage("alice/app", "v1", image);
        simulator.faults().add(FaultRule.when().operation(Operation.MANIFEST_GET).once()
                .respond(503, RegistryErrorCode.UNAVAILABLE, Duration.ofSeconds(7)));

        Reply refused = http.getManifest("alice/app", "v1");
        Reply next = http.getManifest("alice/app", "v1");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("UNAVAILABLE");
        assertThat(refused.error().path("message").asText()).isEqualTo("service unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("7");
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
        assertThat(next.expect(200).body()).isEqualTo(image.bytes());
    }

    @Test
    void respondWithoutRetryAfterSendsNoRetryAfter() {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).respond(RegistryErrorCode.TOOMANYREQUESTS));

        Reply refused = http.get(blobPath);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("TOOMANYREQUESTS");
        assertThat(refused.header("Retry-After")).isNull();
    }

    @Test
    void latencyDelaysTheAnswerAndThenServesItWhole() {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).latency(Duration.ofMillis(700)));

        long started = System.nanoTime();
        Reply reply = http.get(blobPath);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(reply.expect(200).body()).isEqualTo(blob);
    }

    @Test
    void resetBreaksTheConnectionBeforeAnyAnswer() throws IOException {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).reset());

        SocketProbe probe = SocketProbe.get(simulator.baseUri(), blobPath);

        assertThat(probe.failure()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        assertThat(probe.received()).isEmpty();
    }

    @Test
    void resetAfterSomeBytesSendsTheHeadersAndAtMostThoseBytesThenResets() throws IOException {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).resetAfter(1000));

        SocketProbe probe = SocketProbe.get(simulator.baseUri(), blobPath);

        assertThat(probe.failure()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        assertThat(probe.bodyLength()).isLessThanOrEqualTo(1000);
    }

    @Test
    void anHttpClientMeetingAResetGetsAnIOException() {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).reset());

        assertThatThrownBy(() -> http.get(blobPath)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void throttleSendsTheWholeBodyNoFasterThanTheRate() {
        long rate = 24 * 1024;
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).throttle(rate));

        long started = System.nanoTime();
        Reply reply = http.get(blobPath);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.expect(200).body()).isEqualTo(blob);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1000L * BLOB_SIZE / rate));
    }

    @Test
    void truncateSendsTheFullContentLengthButOnlyThatManyBytesThenEndsTheStream() throws IOException {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).truncateAfter(1000));

        SocketProbe probe = SocketProbe.get(simulator.baseUri(), blobPath);

        assertThat(probe.head()).startsWith("HTTP/1.1 200");
        assertThat(probe.header("Content-Length")).isEqualTo(Integer.toString(BLOB_SIZE));
        assertThat(probe.failure()).isNull();
        assertThat(probe.bodyLength()).isEqualTo(1000);
    }

    @Test
    void anHttpClientMeetingATruncatedBodyGetsAnIOException() {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).truncateAfter(1000));

        assertThatThrownBy(() -> http.get(blobPath)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void truncateLeavesABodyShorterThanItsLimitWhole() {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).truncateAfter(BLOB_SIZE + 1));

        assertThat(http.get(blobPath).expect(200).body()).isEqualTo(blob);
    }

    @Test
    void digestMismatchServesAsManyBytesButNotTheOnesOfTheDigest() {
        simulator.faults().add(FaultRule.when().operation(Operation.BLOB_GET).once().digestMismatch());
        Digest digest = Digest.sha256(blob);

        Reply reply = http.get(blobPath);

        assertThat(reply.expect(200).header("Docker-Content-Digest")).isEqualTo(digest.toString());
        assertThat(reply.body()).hasSize(BLOB_SIZE);
        assertThat(Digest.sha256(reply.body())).isNotEqualTo(digest);
        assertThat(http.get(blobPath).expect(200).body()).isEqualTo(blob);
    }

    @Test
    void digestMismatchOnAManifestLeavesTheStoredManifestIntact() {
        Image image = TestImages.ociImage();
        http.pushImage("alice/app", "v1", image);
        simulator.faults().add(FaultRule.when().operation(Operation.MANIFEST_GET).once().digestMismatch());

        Reply corrupted = http.getManifest("alice/app", "v1");

        assertThat(corrupted.expect(200).body()).hasSize(image.size());
        assertThat(Digest.sha256(corrupted.body())).isNotEqualTo(image.digest());
        assertThat(http.getManifest("alice/app", "v1").expect(200).body()).isEqualTo(image.bytes());
    }
}
