package dev.hubsim.simulator.replay;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.recordings.SecretScanner;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.fault.FaultRule;
import dev.hubsim.simulator.fault.Operation;
import dev.hubsim.simulator.journal.JournalEntry;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spy mode in front of an upstream (an open simulator, whose journal shows what reached it), and the simulator's
 * faults, journal and clock applied to a replay as to the mock.
 */
class SpyAndFaultsTest {
    private static final Image V1 = TestImages.ociImage();
    private static final Image V2 = TestImages.ociImage();

    @TempDir
    Path work;
    private Simulator upstream;
    private Path recording;

    @BeforeEach
    void recordV1() {
        upstream = Simulator.builder().auth(AuthMode.NONE).start();
        RegistryHttp direct = new RegistryHttp(upstream.baseUri());
        direct.pushImage("spy/app", "v1", V1);
        direct.pushImage("spy/app", "v2", V2);
        recording = work.resolve("recording");
        try (Simulator recorder = Simulator.builder()
                .mode(Mode.record(Upstreams.registry(upstream.baseUri().toString()), recording)).start()) {
            assertThat(new RegistryHttp(recorder.baseUri()).getManifest("spy/app", "v1").body()).isEqualTo(V1.bytes());
        }
        upstream.journal().clear();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void spyAnswersRecordedRequestsItselfAndForwardsAndRecordsTheRest() {
        try (Simulator spy = Simulator.builder()
                .mode(Mode.spy(recording, Upstreams.registry(upstream.baseUri().toString()))).start()) {
            RegistryHttp http = new RegistryHttp(spy.baseUri());

            Reply recorded = http.getManifest("spy/app", "v1");
            assertThat(recorded.body()).isEqualTo(V1.bytes());
            assertThat(upstream.journal().entries()).isEmpty();

            Reply forwarded = http.getManifest("spy/app", "v2");
            assertThat(forwarded.status()).isEqualTo(200);
            assertThat(forwarded.body()).isEqualTo(V2.bytes());
            assertThat(upstream.journal().entries()).extracting(JournalEntry::path)
                    .containsExactly("/v2/spy/app/manifests/v2");
            assertThat(http.get("/_hubsim/recording").json().path("recorded").asInt()).isEqualTo(1);
        }
        List<Interaction> grown = RecordingReader.read(recording).interactions();
        assertThat(grown).hasSize(2);
        assertThat(grown.get(1).request().path()).isEqualTo("/v2/spy/app/manifests/v2");
        SecretScanner.patternsOnly().verifyClean(recording);

        upstream.close();
        try (Simulator replay = Simulator.builder().mode(Mode.replay(recording)).start()) {
            assertThat(new RegistryHttp(replay.baseUri()).getManifest("spy/app", "v2").body()).isEqualTo(V2.bytes());
        }
    }

    @Test
    void faultsJournalAndClockApplyToAReplay() {
        try (Simulator replay = Simulator.builder().mode(Mode.replay(recording)).start()) {
            RegistryHttp http = new RegistryHttp(replay.baseUri());
            replay.faults().add(FaultRule.when().operation(Operation.MANIFEST_GET).once()
                    .respond(503, RegistryErrorCode.UNAVAILABLE));
            Instant before = replay.clock().instant();
            replay.clock().advance(Duration.ofHours(6));

            Reply faulted = http.getManifest("spy/app", "v1");
            Reply replayed = http.getManifest("spy/app", "v1");

            assertThat(faulted.status()).isEqualTo(503);
            assertThat(faulted.errorCode()).isEqualTo("UNAVAILABLE");
            assertThat(replayed.status()).isEqualTo(200);
            assertThat(replayed.body()).isEqualTo(V1.bytes());
            assertThat(replayed.header("Content-Length")).isEqualTo(Integer.toString(V1.bytes().length));
            assertThat(replay.journal().entries()).extracting(JournalEntry::status).containsExactly(503, 200);
            assertThat(replay.journal().entries().get(0).fault()).isNotNull();
            assertThat(replay.journal().entries().get(0).time()).isAfterOrEqualTo(before.plus(Duration.ofHours(6)));
            assertThat(http.get("/_hubsim/health").status()).isEqualTo(200);
            assertThat(http.get("/_hubsim/faults").json().path("faults").path(0).path("fired").asInt()).isEqualTo(1);
        }
    }
}
