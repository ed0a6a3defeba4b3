package dev.hubsim.junit;

import dev.hubsim.simulator.journal.Journal;

/**
 * AssertJ entry point for what the simulator received:
 * <pre>{@code
 * import static dev.hubsim.junit.HubsimAssertions.assertThat;
 * import static dev.hubsim.junit.RequestPattern.pullOf;
 *
 * assertThat(simulator).received(pullOf("alice/app:1.0")).once();
 * assertThat(simulator).noRequestsTo("library/*");
 * }</pre>
 */
public final class HubsimAssertions {
    private HubsimAssertions() {
    }

    public static JournalAssert assertThat(SimulatorHandle simulator) {
        return new JournalAssert(simulator.journal());
    }

    public static JournalAssert assertThat(Journal journal) {
        return new JournalAssert(journal);
    }
}
