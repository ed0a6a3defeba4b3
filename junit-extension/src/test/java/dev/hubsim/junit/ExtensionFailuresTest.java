package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.auth.AuthMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension run on small test classes through the JUnit engine: misuse and bad target settings fail with a
 * message saying what is wrong, a failed test keeps its journal, and the run's target overrides the annotation.
 * (The nested classes are not run by Surefire, which skips nested classes.)
 */
class ExtensionFailuresTest {
    @TempDir
    Path journals;

    @Test
    void aFailedTestKeepsItsJournalAndSaysWhere() throws IOException {
        EngineExecutionResults results = run(FailsAfterAMissingPull.class, Map.of("hubsim.journal.dir", journals.toString()));

        Throwable failure = onlyFailure(results.testEvents().failed().list());
        assertThat(failure).isInstanceOf(AssertionError.class).hasMessage("the code under test went wrong");
        Path file = journals.resolve("dev.hubsim.junit.ExtensionFailuresTest_FailsAfterAMissingPull")
                .resolve("pullsAndFails-journal.json");
        assertThat(failure.getSuppressed()).singleElement().satisfies(kept -> assertThat(kept)
                .hasMessage("hubsim kept the journal of this test (1 requests) in " + file.toAbsolutePath()));
        assertThat(Files.readString(file)).contains("\"path\" : \"/v2/team/absent/manifests/1.0\"", "\"status\" : 404",
                "\"test\" : \"" + FailsAfterAMissingPull.class.getName() + ".pullsAndFails\"");
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()))
                .containsExactly(Map.of("hubsim.journal", file.toAbsolutePath().toString()));
    }

    @Test
    void aPassingTestLeavesNoJournal() {
        EngineExecutionResults results = run(Passes.class, Map.of("hubsim.journal.dir", journals.toString()));

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(journals).isEmptyDirectory();
    }

    @Test
    void theSimulatorHandleIsRefusedUnderLiveWithAReason() {
        EngineExecutionResults results = run(WantsSimulator.class, Map.of("hubsim.target", "live",
                "hubsim.live.registry", "http://127.0.0.1:9"));

        assertThat(onlyFailure(results.testEvents().failed().list()))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("no SimulatorHandle under target LIVE: requests go to http://127.0.0.1:9 directly");
    }

    @Test
    void liveTakesTheRegistryFromTheRunsSettings() {
        EngineExecutionResults results = run(DescribesLive.class, Map.of("hubsim.target", "live",
                "hubsim.live.registry", "http://127.0.0.1:9/"));

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(DescribesLive.seen).isEqualTo(new HubsimRuntimeInfo(Target.LIVE,
                java.net.URI.create("http://127.0.0.1:9"), java.net.URI.create("https://hub.docker.com"),
                java.net.URI.create("https://auth.docker.io")));
    }

    @Test
    void aLiveRegistryOverPlainHttpToAnotherHostIsRefused() {
        EngineExecutionResults results = run(DescribesLive.class, Map.of("hubsim.target", "live",
                "hubsim.live.registry", "http://registry.example.com"));

        assertThat(onlyFailure(results.containerEvents().failed().list()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("target LIVE: hubsim.live.registry must use https");
    }

    @Test
    void anUnknownTargetInTheRunFailsTheClass() {
        EngineExecutionResults results = run(Passes.class, Map.of("hubsim.target", "staging"));

        assertThat(onlyFailure(results.containerEvents().failed().list()))
                .hasMessage("-Dhubsim.target=staging is not a target: use one of mock, replay, record, spy, live");
    }

    @Test
    void aUserWithoutPasswordIsNamed() {
        assertThat(onlyFailure(run(BadUser.class, Map.of()).containerEvents().failed().list()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("users: each is NAME:PASSWORD with both parts non-empty, got 'alice'");
    }

    @Test
    void aMissingSeedFileAndABadRateLimitAreNamed() {
        assertThat(onlyFailure(run(MissingSeed.class, Map.of()).containerEvents().failed().list()))
                .hasMessageStartingWith("seed: no readable file at ").hasMessageEndingWith("no/such/seed.yaml");
        assertThatThrownBy(() -> DockerHubSimulationExtension.builder().rateLimit("anonymous=lots"))
                .isInstanceOf(ExtensionConfigurationException.class).hasMessageStartingWith("rateLimit: ");
    }

    private static EngineExecutionResults run(Class<?> testClass, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass))
                .configurationParameters(parameters).execute();
    }

    private static Throwable onlyFailure(List<Event> failed) {
        assertThat(failed).hasSize(1);
        return failed.get(0).getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    @DockerHubSimulation(auth = AuthMode.NONE)
    static class FailsAfterAMissingPull {
        @Test
        void pullsAndFails(DockerHubClient client) {
            try {
                client.registry().getManifest(ImageReference.parse("team/absent:1.0"));
            } catch (RuntimeException expected) {
                // the 404 is what the journal should show
            }
            throw new AssertionError("the code under test went wrong");
        }
    }

    @DockerHubSimulation(auth = AuthMode.NONE)
    static class Passes {
        @Test
        void passes(DockerHubClient client) {
            assertThat(client.registry().checkManifest(ImageReference.parse("team/none:1"))).isEmpty();
        }
    }

    @DockerHubSimulation
    static class WantsSimulator {
        @Test
        void usesTheSimulator(SimulatorHandle simulator) {
            simulator.reset();
        }
    }

    @DockerHubSimulation
    static class DescribesLive {
        static HubsimRuntimeInfo seen;

        @Test
        void describes(HubsimRuntimeInfo info, DockerHubClient client) {
            assertThat(client.config().registryUrl()).isEqualTo(info.registryUrl());
            seen = info;
        }
    }

    @DockerHubSimulation(users = "alice")
    static class BadUser {
        @Test
        void neverRuns() {
        }
    }

    @DockerHubSimulation(seed = "no/such/seed.yaml")
    static class MissingSeed {
        @Test
        void neverRuns() {
        }
    }
}
