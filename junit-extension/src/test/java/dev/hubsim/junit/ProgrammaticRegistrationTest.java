package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.error.RateLimitException;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.auth.AuthMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builder's settings take effect: open registry, a seed file, a rate-limit spec. */
class ProgrammaticRegistrationTest {
    @RegisterExtension
    static DockerHubSimulationExtension hub = DockerHubSimulationExtension.builder()
            .auth(AuthMode.NONE)
            .seed(Path.of("src/test/resources/hubsim/seed.yaml"))
            .rateLimit("anonymous=2/1h")
            .build();

    @Test
    void theSeededImageIsThereAndTheThirdAnonymousPullIsRefused(DockerHubClient client) {
        ImageReference busybox = ImageReference.parse("busybox:1.36");

        assertThat(client.registry().getManifest(busybox).bytes()).isNotEmpty();
        assertThat(client.registry().getManifest(busybox).bytes()).isNotEmpty();

        assertThatThrownBy(() -> client.registry().getManifest(busybox))
                .as("the simulator's rate-limit headers tell the client no pull is left: it fails fast")
                .isInstanceOf(RateLimitException.class).hasMessageContaining("no pulls left (0 of 2 per 3600 s");
    }

    @Test
    void theSeedIsAppliedAgainAfterTheReset(SimulatorHandle simulator) {
        assertThat(simulator.accounts().user("carol")).isPresent();
        assertThat(simulator.registry().privacy("carol/private")).contains(true);
    }
}
