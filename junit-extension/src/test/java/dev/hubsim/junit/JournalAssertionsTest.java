package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.reference.ImageReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.hubsim.junit.HubsimAssertions.assertThat;
import static dev.hubsim.junit.RequestPattern.anyRequest;
import static dev.hubsim.junit.RequestPattern.pullOf;
import static dev.hubsim.junit.RequestPattern.pushOf;
import static dev.hubsim.junit.RequestPattern.requestsTo;
import static dev.hubsim.junit.RequestPattern.tokenRequests;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Journal assertions that hold, and the messages of those that do not. */
@DockerHubSimulation(users = "alice:assert-pw-1", seed = "src/test/resources/hubsim/seed.yaml")
class JournalAssertionsTest {
    private DockerHubClient client;

    @BeforeEach
    void pushAndPull(DockerHubClient client) {
        this.client = client;
        TinyImage.push(client, "alice/app:1.0", "assertions");
        client.registry().getManifest(ImageReference.parse("alice/app:1.0"));
        client.registry().getManifest(ImageReference.parse("alice/app:1.0"));
    }

    @Test
    void countsPullsPushesAndTokenRequests(SimulatorHandle simulator) {
        assertThat(simulator)
                .received(pullOf("alice/app:1.0")).times(2)
                .received(pullOf("alice/app:1.0").by("alice").withStatus(200)).atLeast(2)
                .received(pushOf("alice/app:1.0")).once()
                .received(pullOf("alice/app:2.0")).never()
                .received(tokenRequests()).atLeastOnce()
                .received(requestsTo("alice/*")).atMost(50)
                .noRequestsTo("library/*")
                .hasNoErrors();
    }

    @Test
    void aPullOfAnOfficialImageIsNormalised(SimulatorHandle simulator) {
        client.registry().getManifest(ImageReference.parse("busybox:1.36"));

        assertThat(simulator).received(pullOf("busybox:1.36")).once()
                .received(pullOf("docker.io/library/busybox:1.36")).once();
    }

    @Test
    void aWrongCountListsTheMatchingAndTheNearbyRequests(SimulatorHandle simulator) {
        assertThatThrownBy(() -> assertThat(simulator).received(pullOf("alice/app:1.0")).times(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected exactly 1 request(s) matching 'pull of alice/app:1.0' but the "
                        + "simulator received 2.")
                .hasMessageContaining("Matching requests:\n  GET /v2/alice/app/manifests/1.0 -> 200 (manifest-get, "
                        + "alice/app, by alice)")
                .hasMessageContaining("Nearby requests (same repository or operation):\n  ")
                .hasMessageContaining("PUT /v2/alice/app/manifests/1.0 -> 201 (manifest-put, alice/app, by alice)")
                .hasMessageContaining("requests in all.");
    }

    @Test
    void aMissingPullShowsThePullsOfOtherTags(SimulatorHandle simulator) {
        assertThatThrownBy(() -> assertThat(simulator).received(pullOf("alice/app:2.0")).atLeastOnce())
                .hasMessageContaining("Expected at least 1 request(s) matching 'pull of alice/app:2.0' but the "
                        + "simulator received 0.\nMatching requests:\n  (none)\nNearby requests")
                .hasMessageContaining("GET /v2/alice/app/manifests/1.0 -> 200");
    }

    @Test
    void aRequestToAForbiddenRepositoryIsListed(SimulatorHandle simulator) {
        client.registry().getManifest(ImageReference.parse("busybox:1.36"));

        assertThatThrownBy(() -> assertThat(simulator).noRequestsTo("library/*"))
                .hasMessageStartingWith("Expected no request to library/*, but the simulator received ")
                .hasMessageContaining("GET /v2/library/busybox/manifests/1.36 -> 200 (manifest-get, library/busybox");
    }

    @Test
    void anErrorAnswerIsListed(SimulatorHandle simulator) {
        assertThatThrownBy(() -> client.registry().getManifest(ImageReference.parse("alice/app:missing")))
                .isInstanceOf(RuntimeException.class);

        assertThat(simulator).received(anyRequest().withStatus(404)).once();
        assertThatThrownBy(() -> assertThat(simulator).hasNoErrors())
                .hasMessageContaining("GET /v2/alice/app/manifests/missing -> 404");
    }

    @Test
    void theJournalHoldsNoPassword(SimulatorHandle simulator) {
        assertThatThrownBy(() -> assertThat(simulator).received(tokenRequests()).never())
                .hasMessageContaining("/token")
                .hasMessageNotContaining("assert-pw-1");
    }

    @Test
    void aNegativeCountIsMisuse(SimulatorHandle simulator) {
        assertThatThrownBy(() -> assertThat(simulator).received(anyRequest()).times(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("times must be 0 or more, got -1");
    }

    @Test
    void anUnauthenticatedClientIsSeenAsAnonymous(SimulatorHandle simulator, HubsimRuntimeInfo info) {
        DockerHubClient anonymous = DockerHubClient.builder().baseUrl(info.registryUrl().toString()).build();
        anonymous.registry().getManifest(ImageReference.parse("busybox:1.36"));

        assertThatThrownBy(() -> assertThat(simulator).received(pullOf("busybox:1.36").by("alice")).once())
                .hasMessageContaining("(manifest-get, library/busybox, anonymous)");
    }
}
