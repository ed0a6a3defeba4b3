package dev.hubsim.junit;

import java.util.Map;
import java.util.function.Function;

/** Opens the session of a target: one strategy per target. */
final class TargetSessions {
    private TargetSessions() {
    }

    /**
     * @param settings   the class's settings, with the target already resolved for this run
     * @param testClass  the test class (for the default recording directory)
     * @param properties system properties or JUnit configuration parameters (for live settings)
     * @param environment the environment (for live settings and credentials)
     */
    static TargetSession open(SimulationSettings settings, Class<?> testClass, Function<String, String> properties,
                              Map<String, String> environment) {
        return switch (settings.target()) {
            case MOCK -> SimulatorSession.start(settings);
            case LIVE -> LiveSession.open(LiveSettings.read(properties, environment), settings.keepState());
            case REPLAY -> RecordReplaySessions.replay(settings, settings.recordingFor(testClass));
            case RECORD -> RecordReplaySessions.record(settings, settings.recordingFor(testClass),
                    LiveSettings.read(properties, environment));
            case SPY -> RecordReplaySessions.spy(settings, settings.recordingFor(testClass),
                    LiveSettings.read(properties, environment));
        };
    }
}
