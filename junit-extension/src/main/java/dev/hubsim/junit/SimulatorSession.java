package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.seed.Seed;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.Optional;

/** The MOCK target: an in-process simulator on a free 127.0.0.1 port, and a client logged in as the first user. */
final class SimulatorSession implements TargetSession {
    private final Simulator simulator;
    private final SimulatorHandle handle;
    private final Lazy<DockerHubClient> client;
    private final HubsimRuntimeInfo info;
    private final boolean keepState;

    private SimulatorSession(Simulator simulator, SimulationSettings settings) {
        this.simulator = simulator;
        this.handle = new SimulatorHandle(simulator);
        this.client = new Lazy<>(() -> {
            DockerHubClient.Builder builder = DockerHubClient.builder().baseUrl(simulator.baseUri().toString());
            settings.firstUser().ifPresent(user -> builder.credentials(user[0], SecretString.of(user[1])));
            return builder.build();
        });
        this.info = new HubsimRuntimeInfo(settings.target(), simulator.baseUri(), simulator.baseUri(), simulator.baseUri());
        this.keepState = settings.keepState();
    }

    static SimulatorSession start(SimulationSettings settings) {
        Seed seed;
        try {
            seed = settings.seedWithUsers();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("seed: " + e.getMessage(), e);
        }
        Simulator simulator = Simulator.builder().host("127.0.0.1").port(0).auth(settings.auth())
                .rateLimit(settings.rateLimit()).seed(seed).start();
        return new SimulatorSession(simulator, settings);
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
    public void beforeEach() {
        if (!keepState) {
            simulator.reset();
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
