package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code hubsim serve}: runs the simulator in the foreground until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the fake Docker Hub until stopped (Ctrl-C or SIGTERM).",
                "When ready it prints one line: hubsim listening on http://HOST:PORT"})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "5000", description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--storage", paramLabel = "DIR",
            description = "Persist blobs and metadata in DIR across restarts (default: a temporary directory removed at exit).")
    private Path storage;

    @Override
    public Integer call() throws InterruptedException {
        Simulator simulator = Simulator.builder().host(host).port(port).storage(storage).start();
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
