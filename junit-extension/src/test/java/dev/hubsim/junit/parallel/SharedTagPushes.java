package dev.hubsim.junit.parallel;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.junit.SimulatorHandle;
import dev.hubsim.junit.TinyImage;
import org.junit.jupiter.api.Test;

import static dev.hubsim.junit.HubsimAssertions.assertThat;
import static dev.hubsim.junit.RequestPattern.pushOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test of the twin parallel classes: each pushes the same tag with its own content, meets the other half-way,
 * pushes again, and then sees only its own pushes, its own content and its own user.
 */
abstract class SharedTagPushes {
    private static final String TAG = "alice/shared:1";

    /** Names the class in the pushed content. */
    abstract String owner();

    @Test
    void pushesTheSharedTagWhileTheTwinClassDoesTheSame(DockerHubClient client, SimulatorHandle simulator)
            throws InterruptedException {
        Digest before = TinyImage.push(client, TAG, owner() + ", round 1");
        Rendezvous.meet(simulator.baseUri());
        Digest after = TinyImage.push(client, TAG, owner() + ", round 2");

        assertThat(Rendezvous.SIMULATORS).hasSize(Rendezvous.CLASSES);
        assertThat(Digest.sha256(client.registry().getManifest(ImageReference.parse(TAG)).bytes()))
                .isEqualTo(after).isNotEqualTo(before);
        assertThat(simulator).received(pushOf(TAG)).times(2)
                .received(pushOf(TAG).by("alice")).times(2);
    }
}
