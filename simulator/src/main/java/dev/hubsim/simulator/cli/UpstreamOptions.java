package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.replay.Upstreams;
import picocli.CommandLine.Option;

/** {@code --upstream-registry}, {@code --upstream-auth}, {@code --upstream-hub}: where record and spy forward to. */
final class UpstreamOptions {
    @Option(names = "--upstream-registry", paramLabel = "URL",
            description = "The registry to forward to, e.g. https://registry-1.docker.io.")
    private String registry;

    @Option(names = "--upstream-auth", paramLabel = "URL",
            description = "The token service, e.g. https://auth.docker.io (its realm is pointed at hubsim).")
    private String auth;

    @Option(names = "--upstream-hub", paramLabel = "URL", description = "The Hub API, e.g. https://hub.docker.com.")
    private String hub;

    Upstreams upstreams() {
        return Upstreams.of(registry, auth, hub);
    }
}
