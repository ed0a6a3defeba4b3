package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one target gives a test class: a client aimed at it, where it is, and (except live) the simulator behind it.
 * Opened once per class by {@link TargetSessions}, kept in the extension's store, closed by JUnit with the class.
 */
interface TargetSession extends AutoCloseable {
    /** The client of the class: for lifecycle methods of the class and for classes that keep state. */
    DockerHubClient client();

    /** A client with nothing cached (no token), sharing the class client's connections: one per test. */
    default DockerHubClient newClient() {
        return client().newBuilder().build();
    }

    /** True when tests start afresh (state reset, a new client), false when the class keeps state between tests. */
    boolean isolatesTests();

    HubsimRuntimeInfo info();

    /** The simulator answering the requests; empty where none does (live). */
    Optional<SimulatorHandle> simulator();

    /** The recording this target writes as requests come (RECORD, SPY), kept when a test fails; else empty. */
    default Optional<Path> writtenRecording() {
        return Optional.empty();
    }

    /** Called before each test: resets state unless the class keeps it. */
    void beforeEach();

    /** Called after each test: fails it when the target saw something wrong (a strict replay's misses). */
    default void afterEach() {
    }

    @Override
    void close();
}
