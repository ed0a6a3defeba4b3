package dev.hubsim.junit.parallel;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the parallel test classes meet half-way, which proves they run at the same time, and collects the simulator
 * each one saw. Used only by the {@code parallel-classes} Surefire execution, which runs the classes concurrently.
 */
final class Rendezvous {
    static final int CLASSES = 2;
    private static final CyclicBarrier BARRIER = new CyclicBarrier(CLASSES);
    static final Set<URI> SIMULATORS = ConcurrentHashMap.newKeySet();

    private Rendezvous() {
    }

    /** Waits until every parallel class has reached this point. */
    static void meet(URI simulator) throws InterruptedException {
        SIMULATORS.add(simulator);
        try {
            BARRIER.await(60, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            throw new AssertionError("the other parallel test class did not arrive within 60 s: is JUnit parallel "
                    + "execution of classes on (junit.jupiter.execution.parallel.enabled)?", e);
        }
    }
}
