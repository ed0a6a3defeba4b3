package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.Credentials;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.seed.Seed;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A target the in-process simulator answers, on a free 127.0.0.1 port: the mock ({@link #start}) or, opened by
 * {@link RecordReplaySessions}, a recording replayed, recorded or spied on. The client logs in with the given account.
 */
final class SimulatorSession implements TargetSession {
    private final Simulator simulator;
    private final SimulatorHandle handle;
    private final Lazy<DockerHubClient> client;
    private final HubsimRuntimeInfo info;
    private final boolean keepState;
    private final boolean failsOnMisses;
    private final Path writtenRecording;

    /**
     * @param account          who the client logs in as; empty for anonymous
     * @param failsOnMisses    whether a test fails when the replay met requests its recording does not hold
     * @param writtenRecording the recording the simulator writes as requests come (RECORD, SPY), or null
     */
    SimulatorSession(Simulator simulator, SimulationSettings settings, Optional<Credentials> account,
                     boolean failsOnMisses, Path writtenRecording) {
        this.simulator = simulator;
        this.handle = new SimulatorHandle(simulator);
        this.client = new Lazy<>(() -> {
            DockerHubClient.Builder builder = DockerHubClient.builder().baseUrl(simulator.baseUri().toString());
            account.ifPresent(user -> builder.credentials(user.username(), user.secret()));
            return builder.build();
        });
        this.info = new HubsimRuntimeInfo(settings.target(), simulator.baseUri(), simulator.baseUri(), simulator.baseUri());
        this.keepState = settings.keepState();
        this.failsOnMisses = failsOnMisses;
        this.writtenRecording = writtenRecording;
    }

    /** The MOCK target: the stateful simulator with the settings' seed and users; the client is the first user. */
    static SimulatorSession start(SimulationSettings settings) {
        Seed seed;
        try {
            seed = settings.seedWithUsers();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("seed: " + e.getMessage(), e);
        }
        Simulator simulator = Simulator.builder().host("127.0.0.1").port(0).auth(settings.auth())
                .rateLimit(settings.rateLimit()).seed(seed).start();
        return new SimulatorSession(simulator, settings, settings.firstUserCredentials(), false, null);
    }

    @Override
    public DockerHubClient client() {
        return client.get();
    }

    @Override
    public HubsimRuntimeInfo info() {
        return info;
    }

    @Override
    public boolean isolatesTests() {
        return !keepState;
    }

    @Override
    public Optional<SimulatorHandle> simulator() {
        return Optional.of(handle);
    }

    @Override
    public Optional<Path> writtenRecording() {
        return Optional.ofNullable(writtenRecording);
    }

    /** Resets state (in replay: every repeated request starts over from its first recorded answer). */
    @Override
    public void beforeEach() {
        if (!keepState) {
            simulator.reset();
        }
    }

    /** In a strict replay, fails the test with the requests the recording does not hold, then forgets them. */
    @Override
    public void afterEach() {
        if (failsOnMisses) {
            try {
                simulator.replayMisses().verifyNone();
            } finally {
                simulator.replayMisses().clear();
            }
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
