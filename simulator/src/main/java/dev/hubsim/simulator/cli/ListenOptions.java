package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.Simulator;
import picocli.CommandLine.Option;

/** {@code --host} and {@code --port}, the same for every command that starts a server. */
final class ListenOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "5000", description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    /** A simulator builder listening where these options say. */
    Simulator.Builder builder() {
        return Simulator.builder().host(host).port(port);
    }
}
