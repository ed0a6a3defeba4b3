package dev.hubsim.junit;

import dev.hubsim.core.auth.Credentials;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one simulation, from {@link DockerHubSimulation} or {@link DockerHubSimulationExtension.Builder}.
 * Checked when made: a bad user, rate limit or seed path fails naming the attribute.
 *
 * @param target    the declared target (the run may override it)
 * @param recording the recording directory, or null for the default
 * @param rateLimit the pull limits, or null for the simulator's default
 * @param seed      the seed file, or null for none
 */
record SimulationSettings(Target target, Path recording, AuthMode auth, List<String> users, RateLimitPolicy rateLimit,
                          Path seed, boolean strict, boolean keepState) {
    static final SimulationSettings DEFAULTS = new SimulationSettings(Target.MOCK, null, AuthMode.TOKEN, List.of(),
            null, null, true, false);

    SimulationSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(auth, "auth");
        users = List.copyOf(users);
        for (String user : users) {
            int colon = user.indexOf(':');
            if (colon <= 0 || colon == user.length() - 1) {
                throw new ExtensionConfigurationException("users: each is NAME:PASSWORD with both parts non-empty, got '"
                        + (colon < 0 ? user : user.substring(0, colon) + ":...") + "'");
            }
        }
        if (seed != null && !Files.isReadable(seed)) {
            throw new ExtensionConfigurationException("seed: no readable file at " + seed.toAbsolutePath());
        }
    }

    static SimulationSettings of(DockerHubSimulation annotation) {
        return new SimulationSettings(annotation.target(), path(annotation.recording()), annotation.auth(),
                List.of(annotation.users()), rateLimit(annotation.rateLimit()), path(annotation.seed()),
                annotation.strict(), annotation.keepState());
    }

    /** Reads a rate-limit preset or spec; blank means the simulator's default. */
    static RateLimitPolicy rateLimit(String spec) {
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            return RateLimitPolicy.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("rateLimit: " + e.getMessage(), e);
        }
    }

    private static Path path(String value) {
        return value.isBlank() ? null : Path.of(value);
    }

    /** The recording directory for this test class. */
    Path recordingFor(Class<?> testClass) {
        return recording != null ? recording : Path.of("src", "test", "resources", "hubsim", testClass.getSimpleName());
    }

    /** The first user, whom the injected client logs in as (MOCK, REPLAY). */
    Optional<Credentials> firstUserCredentials() {
        return users.stream().findFirst().map(user -> user.split(":", 2))
                .map(user -> new Credentials(user[0], SecretString.of(user[1])));
    }

    /** The seed file's content plus the users. */
    Seed seedWithUsers() {
        return (seed == null ? Seed.EMPTY : Seed.load(seed)).withUsers(users);
    }

    SimulationSettings withTarget(Target value) {
        return new SimulationSettings(value, recording, auth, users, rateLimit, seed, strict, keepState);
    }

    SimulationSettings withRecording(Path value) {
        return new SimulationSettings(target, value, auth, users, rateLimit, seed, strict, keepState);
    }

    SimulationSettings withAuth(AuthMode value) {
        return new SimulationSettings(target, recording, value, users, rateLimit, seed, strict, keepState);
    }

    SimulationSettings withUsers(List<String> value) {
        return new SimulationSettings(target, recording, auth, value, rateLimit, seed, strict, keepState);
    }

    SimulationSettings withRateLimit(RateLimitPolicy value) {
        return new SimulationSettings(target, recording, auth, users, value, seed, strict, keepState);
    }

    SimulationSettings withSeed(Path value) {
        return new SimulationSettings(target, recording, auth, users, rateLimit, value, strict, keepState);
    }

    SimulationSettings withStrict(boolean value) {
        return new SimulationSettings(target, recording, auth, users, rateLimit, seed, value, keepState);
    }

    SimulationSettings withKeepState(boolean value) {
        return new SimulationSettings(target, recording, auth, users, rateLimit, seed, strict, value);
    }
}
