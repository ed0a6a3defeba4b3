package dev.hubsim.junit;

/**
 * Measures the extension's simulator start ({@link SimulatorSession#start} with the annotation's defaults: token
 * auth, Docker Hub's limits, no seed), from the call to a listening simulator. Run in a fresh JVM, it prints
 * {@code first-ms=N} (the first class of a run, which also loads Jetty, Javalin and Jackson) and {@code next-ms=N}
 * (the median of five more starts: every further class of the run).
 */
public final class SimulatorStartupProbe {
    private static final int MORE = 5;

    private SimulatorStartupProbe() {
    }

    public static void main(String[] args) {
        long first = startAndStop();
        long[] next = new long[MORE];
        for (int i = 0; i < MORE; i++) {
            next[i] = startAndStop();
        }
        java.util.Arrays.sort(next);
        System.out.println("first-ms=" + first + " next-ms=" + next[MORE / 2]);
    }

    private static long startAndStop() {
        long started = System.nanoTime();
        SimulatorSession session = SimulatorSession.start(SimulationSettings.DEFAULTS);
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        session.close();
        return elapsed;
    }
}
