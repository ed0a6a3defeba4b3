package dev.hubsim.simulator.testing;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against a fresh open simulator (no authentication) for each test method, with a registry client for it. */
public abstract class OpenSimulatorTest {
    protected Simulator simulator;
    protected RegistryHttp http;

    @BeforeEach
    void startOpenSimulator() {
        simulator = Simulator.builder().auth(AuthMode.NONE).start();
        http = new RegistryHttp(simulator.baseUri());
    }

    @AfterEach
    void stopOpenSimulator() {
        simulator.close();
    }
}
