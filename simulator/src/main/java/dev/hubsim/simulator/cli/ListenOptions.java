package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.Simulator;
import picocli.CommandLine.Option;

import java.util.concurrent.CountDownLatch;

/**
 * The options every command that runs a server shares ({@code --host}, {@code --port}), and how such a command runs:
 * in the foreground until stopped, after printing the one line {@code hubsim listening on http://HOST:PORT}.
 */
final class ListenOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "5000", description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    /** A simulator builder listening where the options say. */
    Simulator.Builder builder() {
        return Simulator.builder().host(host).port(port);
    }

    /** Prints the ready line, then waits until the process is stopped (Ctrl-C or SIGTERM) and closes the simulator. */
    static int runUntilStopped(Simulator simulator) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "hubsim-shutdown"));
        System.out.println("hubsim listening on " + simulator.baseUri());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
