package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.journal.JournalEntry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The second test sees none of what the first left: images, journal, clock. */
@DockerHubSimulation(users = "alice:reset-pw-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerTestResetTest {
    private static final ImageReference IMAGE = ImageReference.parse("alice/app:1.0");

    @Test
    @Order(1)
    void firstTestPushesAndMovesTheClock(DockerHubClient client, SimulatorHandle simulator) {
        TinyImage.push(client, "alice/app:1.0", "first");
        simulator.clock().advance(Duration.ofHours(3));

        assertThat(client.registry().checkManifest(IMAGE)).isPresent();
        assertThat(simulator.journal().entries()).isNotEmpty();
    }

    @Test
    @Order(2)
    void secondTestStartsFromTheSeed(DockerHubClient client, SimulatorHandle simulator) {
        assertThat(simulator.journal().entries()).isEmpty();
        assertThat(simulator.clock().offset()).isZero();

        assertThat(client.registry().checkManifest(IMAGE)).isEmpty();
        // the seeded user survives the reset: the client still logs in
        TinyImage.push(client, "alice/app:1.0", "second");
        assertThat(simulator.journal().entries()).extracting(JournalEntry::principal).contains("alice");
    }
}
