package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.recordings.SecretScanner;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.replay.UnmatchedRequestsException;
import dev.hubsim.simulator.storage.FileTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The targets that work on a recording, run through the JUnit engine on small classes: RECORD through the simulator in
 * front of a stateful simulator standing in for the live registry, REPLAY of that recording with nothing behind it,
 * strict replay failing a test that asks for something not recorded, and a failed RECORD test keeping its recording.
 * (The nested classes are not run by Surefire, which skips nested classes.)
 */
class RecordReplayTargetsTest {
    private static final Path RECORDINGS = Path.of("target", "hubsim-test-recordings");
    private static final Path PUSHES_AND_PULLS = RECORDINGS.resolve("PushesAndPulls");
    private static final Path FAILS_WHILE_RECORDING = RECORDINGS.resolve("FailsWhileRecording");

    /** Records {@link PushesAndPulls} once, through the RECORD target, from a simulator as the live registry. */
    @BeforeAll
    static void record() throws IOException {
        FileTrees.deleteRecursively(RECORDINGS);
        try (Simulator live = Simulator.builder().host("127.0.0.1").port(0).auth(AuthMode.NONE).start()) {
            EngineExecutionResults results = run(PushesAndPulls.class, "record", live);

            assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
            assertThat(live.journal().entries()).isNotEmpty();
            assertThat(live.registry().tags("team/app", null, null).items()).containsExactly("1.0");
        }
        assertThat(PUSHES_AND_PULLS.resolve("interactions.json")).isNotEmptyFile();
    }

    @Test
    void theRecordingReplaysWithNothingBehindIt() {
        EngineExecutionResults results = run(PushesAndPulls.class, Map.of("hubsim.target", "replay"));

        assertThat(results.testEvents().failed().list()).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    }

    @Test
    void strictReplayFailsATestThatAsksForWhatIsNotRecordedNamingTheNearest() {
        EngineExecutionResults results = run(AsksForMore.class, Map.of("hubsim.target", "replay"));

        assertThat(results.testEvents().succeeded().count()).as("the recorded test passes").isEqualTo(1);
        Throwable failure = onlyFailure(results.testEvents().failed().list());
        assertThat(failure).isInstanceOf(UnmatchedRequestsException.class).hasMessage("1 request(s) matched no "
                + "recorded interaction:\n  HEAD /v2/team/app/manifests/2.0 matches no recorded request; nearest: HEAD "
                + "/v2/team/app/manifests/1.0 — reference differs (2.0 vs 1.0)");
        assertThat(failure.getSuppressed()).singleElement().satisfies(kept -> assertThat(kept)
                .hasMessageStartingWith("hubsim kept the journal of this test (1 requests) in "));
    }

    @Test
    void aNonStrictReplayLetsTheTestDecide() {
        EngineExecutionResults results = run(AsksForMoreLeniently.class, Map.of("hubsim.target", "replay"));

        assertThat(results.testEvents().failed().list()).isEmpty();
        assertThat(AsksForMoreLeniently.misses).isEqualTo(1);
    }

    @Test
    void aTestFailingUnderRecordKeepsTheRecordingAndSaysWhere() throws IOException {
        try (Simulator live = Simulator.builder().host("127.0.0.1").port(0).auth(AuthMode.NONE).start()) {
            Throwable failure = onlyFailure(run(FailsWhileRecording.class, "record", live).testEvents().failed().list());

            assertThat(failure).hasMessage("the code under test went wrong");
            assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).contains("hubsim kept the recording "
                    + "written so far in " + FAILS_WHILE_RECORDING.toAbsolutePath());
        }
        assertThat(Files.readString(FAILS_WHILE_RECORDING.resolve("interactions.json")))
                .contains("\"method\": \"HEAD\"", "\"path\": \"/v2/team/absent/manifests/1.0\"");
    }

    @Test
    void replayWithoutARecordingFailsTheClassNamingTheDirectory() {
        Throwable failure = onlyFailure(run(ExtensionFailuresTest.Passes.class, Map.of("hubsim.target", "replay"))
                .containerEvents().failed().list());

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessageStartingWith(
                "target REPLAY (recording " + Path.of("src/test/resources/hubsim/Passes").toAbsolutePath() + "): ");
    }

    @Test
    void recordingIntoAnExistingRecordingIsRefused() {
        Throwable failure = onlyFailure(run(PushesAndPulls.class, Map.of("hubsim.target", "record",
                "hubsim.live.registry", "http://127.0.0.1:9")).containerEvents().failed().list());

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("already holds a recording");
    }

    @Test
    void theExamplesRecordingHoldsNoSecrets() {
        Path recording = Path.of("src", "test", "resources", "hubsim", "ExampleRegistryTest");

        assertThat(recording.resolve("interactions.json")).isNotEmptyFile();
        SecretScanner.patternsOnly().verifyClean(recording);
    }

    private static EngineExecutionResults run(Class<?> testClass, String target, Simulator live) {
        return run(testClass, Map.of("hubsim.target", target, "hubsim.live.registry", live.baseUri().toString()));
    }

    private static EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameters(parameters).execute();
    }

    private static Throwable onlyFailure(List<Event> failed) {
        assertThat(failed).hasSize(1);
        return failed.get(0).getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    @DockerHubSimulation(recording = "target/hubsim-test-recordings/PushesAndPulls")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PushesAndPulls {
        @Test
        @Order(1)
        void pushesAndPulls(DockerHubClient client) {
            TinyImage.push(client, "team/app:1.0", "recorded content");

            assertThat(client.registry().checkManifest(ImageReference.parse("team/app:1.0"))).isPresent();
        }

        @Test
        @Order(2)
        void listsTags(DockerHubClient client) {
            assertThat(client.registry().listTags("team/app")).containsExactly("1.0");
        }
    }

    @DockerHubSimulation(recording = "target/hubsim-test-recordings/PushesAndPulls")
    static class AsksForMore {
        @Test
        void asksForWhatIsRecorded(DockerHubClient client) {
            assertThat(client.registry().listTags("team/app")).containsExactly("1.0");
        }

        @Test
        void asksForATagNeverRecorded(DockerHubClient client) {
            client.registry().checkManifest(ImageReference.parse("team/app:2.0"));
        }
    }

    @DockerHubSimulation(recording = "target/hubsim-test-recordings/PushesAndPulls", strict = false)
    static class AsksForMoreLeniently {
        static int misses;

        @Test
        void asksForATagNeverRecorded(DockerHubClient client, SimulatorHandle simulator) {
            client.registry().checkManifest(ImageReference.parse("team/app:2.0"));
            misses = simulator.replayMisses().list().size();
        }
    }

    @DockerHubSimulation(recording = "target/hubsim-test-recordings/FailsWhileRecording")
    static class FailsWhileRecording {
        @Test
        void pullsAndFails(DockerHubClient client) {
            client.registry().checkManifest(ImageReference.parse("team/absent:1.0"));
            throw new AssertionError("the code under test went wrong");
        }
    }
}
