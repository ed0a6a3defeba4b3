package dev.hubsim.simulator.cli;

import dev.hubsim.simulator.Simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a started simulator in the foreground: prints {@code hubsim listening on http://HOST:PORT} once it is ready
 * and waits until the process is stopped (Ctrl-C or SIGTERM), then closes it, which completes a recording.
 */
final class Foreground {
    private Foreground() {
    }

    static int run(Simulator simulator) throws InterruptedException {
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
