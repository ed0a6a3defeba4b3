package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.reference.ImageReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/** With keepState the second test sees the first one's image and requests. */
@DockerHubSimulation(auth = dev.hubsim.simulator.auth.AuthMode.NONE, keepState = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeepStateTest {

    @Test
    @Order(1)
    void firstTestPushes(DockerHubClient client) {
        TinyImage.push(client, "team/kept:1", "kept");
    }

    @Test
    @Order(2)
    void secondTestStillSeesIt(DockerHubClient client, SimulatorHandle simulator) {
        assertThat(client.registry().checkManifest(ImageReference.parse("team/kept:1"))).isPresent();
        assertThat(simulator.journal().entries()).isNotEmpty();
    }
}
