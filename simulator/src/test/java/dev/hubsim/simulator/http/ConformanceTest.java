package dev.hubsim.simulator.http;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.TestRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A registry conformance test: a fresh simulator for each test, in the build's auth mode (see
 * {@link TestRegistries}), and a client for it.
 */
abstract class ConformanceTest {
    protected Simulator simulator;
    protected RegistryHttp http;

    @BeforeEach
    void startSimulator() {
        simulator = TestRegistries.registry().start();
        http = TestRegistries.client(simulator);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }
}
