package dev.hubsim.junit;

/**
 * Measures the extension's simulator start in a fresh JVM, as the first test class of a run sees it: prints
 * {@code startup-ms=N} for {@link SimulatorSession#start} with the annotation's defaults (token auth, Docker Hub's
 * limits, no seed), from the call to a listening simulator.
 */
public final class SimulatorStartupProbe {
    private SimulatorStartupProbe() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        try (SimulatorSession session = SimulatorSession.start(SimulationSettings.DEFAULTS)) {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            System.out.println("startup-ms=" + elapsed + " url=" + session.info().registryUrl());
        }
    }
}
