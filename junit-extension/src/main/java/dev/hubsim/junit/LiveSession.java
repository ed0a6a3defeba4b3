package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.config.DockerHubConfig;

import java.util.Optional;

/**
 * The LIVE target: no simulator, a client configured by {@link LiveSettings}. State is the live service's own: it is
 * neither reset nor journaled; each test still gets a client with no cached token unless the class keeps state.
 */
final class LiveSession implements TargetSession {
    private final DockerHubClient client;
    private final HubsimRuntimeInfo info;

    private final boolean keepState;

    private LiveSession(DockerHubConfig config, boolean keepState) {
        this.client = DockerHubClient.builder().config(config).build();
        this.info = new HubsimRuntimeInfo(Target.LIVE, config.registryUrl(), config.hubUrl(), config.authUrl());
        this.keepState = keepState;
    }

    static LiveSession open(DockerHubConfig config, boolean keepState) {
        return new LiveSession(config, keepState);
    }

    @Override
    public DockerHubClient client() {
        return client;
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
        return Optional.empty();
    }

    @Override
    public void beforeEach() {
        // the live service's state is its own
    }

    @Override
    public void close() {
        // nothing runs on our side
    }
}
