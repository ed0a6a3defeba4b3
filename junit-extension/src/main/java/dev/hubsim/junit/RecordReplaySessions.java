package dev.hubsim.junit;

import dev.hubsim.core.config.DockerHubConfig;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.replay.Mode;
import dev.hubsim.simulator.replay.Upstreams;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.nio.file.Path;

/**
 * Opens the targets that work on a recording: the simulator started in another {@link Mode}. REPLAY serves the
 * recording without network (the client is the settings' first user, as in MOCK); RECORD and SPY forward to the live
 * service of {@link LiveSettings} and write the recording as requests come (the client is the live account).
 */
final class RecordReplaySessions {
    private RecordReplaySessions() {
    }

    /** REPLAY; with {@code strict} the first unmatched request stops the replay and fails the test. */
    static SimulatorSession replay(SimulationSettings settings, Path recording) {
        Simulator simulator = start(settings, Mode.replay(recording).strict(settings.strict()), recording);
        return new SimulatorSession(simulator, settings, settings.firstUserCredentials(), settings.strict(), null);
    }

    /** RECORD into {@code recording}, which must not hold a recording yet. */
    static SimulatorSession record(SimulationSettings settings, Path recording, DockerHubConfig live) {
        Simulator simulator = start(settings, Mode.record(upstreams(settings, live), recording), recording);
        return new SimulatorSession(simulator, settings, live.account(), false, recording);
    }

    /** SPY: serves what {@code recording} holds, forwards the rest and adds it. */
    static SimulatorSession spy(SimulationSettings settings, Path recording, DockerHubConfig live) {
        Simulator simulator = start(settings, Mode.spy(recording, upstreams(settings, live)), recording);
        return new SimulatorSession(simulator, settings, live.account(), false, recording);
    }

    private static Upstreams upstreams(SimulationSettings settings, DockerHubConfig live) {
        try {
            return new Upstreams(live.registryUrl(), live.authUrl(), live.hubUrl());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("target " + settings.target() + ": " + e.getMessage(), e);
        }
    }

    private static Simulator start(SimulationSettings settings, Mode mode, Path recording) {
        try {
            return Simulator.builder().host("127.0.0.1").port(0).mode(mode).start();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("target " + settings.target() + " (recording "
                    + recording.toAbsolutePath() + "): " + e.getMessage()
, e);
        }
    }
}
