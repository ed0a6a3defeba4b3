package dev.hubsim.junit;

import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.Accounts;
import dev.hubsim.simulator.clock.VirtualClock;
import dev.hubsim.simulator.fault.Faults;
import dev.hubsim.simulator.journal.Journal;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.replay.ReplayMisses;
import dev.hubsim.simulator.seed.Seed;

import java.net.URI;

/**
 * The simulator a test runs against, as Java: its admin API without HTTP. Inject it as a parameter; it is not
 * available under {@link Target#LIVE}. The extension owns the simulator's life: there is no {@code close()} here.
 */
public final class SimulatorHandle {
    private final Simulator simulator;

    SimulatorHandle(Simulator simulator) {
        this.simulator = simulator;
    }

    /** The base URL of the registry, the token service and the Hub API. */
    public URI baseUri() {
        return simulator.baseUri();
    }

    /** The requests served since the last reset, for {@link HubsimAssertions#assertThat(SimulatorHandle)}. */
    public Journal journal() {
        return simulator.journal();
    }

    /** Under REPLAY, the requests the recording does not hold since the last reset (a strict replay fails on them). */
    public ReplayMisses replayMisses() {
        return simulator.replayMisses();
    }

    /** Fault rules: add one to make the next requests fail, slow down or break off. */
    public Faults faults() {
        return simulator.faults();
    }

    /** The simulator's clock: advance it to expire tokens or refill pull quotas without sleeping. */
    public VirtualClock clock() {
        return simulator.clock();
    }

    /** Users, tokens and organisations. */
    public Accounts accounts() {
        return simulator.accounts();
    }

    /** Repositories, manifests and blobs. */
    public RegistryState registry() {
        return simulator.registry();
    }

    /** Adds the seed's users, organisations, repositories, images and fault rules now; the next reset removes them. */
    public void seed(Seed seed) {
        seed.apply(simulator.registry(), simulator.accounts());
        seed.faults().forEach(simulator.faults()::add);
    }

    /** Empties the state and applies the class's seed again, as happens before each test. */
    public void reset() {
        simulator.reset();
    }

    @Override
    public String toString() {
        return "SimulatorHandle[" + simulator.baseUri() + "]";
    }
}
