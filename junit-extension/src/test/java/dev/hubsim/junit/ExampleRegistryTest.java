package dev.hubsim.junit;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.FetchedManifest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example of the README: it runs unchanged against the simulator (MOCK, every build), against a real registry
 * (LIVE: the build runs it again with {@code -Dhubsim.target=live} against a Debian {@code docker-registry} it
 * starts, see {@link LocalLiveRegistry}) and from its recording in {@code src/test/resources/hubsim/ExampleRegistryTest}
 * (REPLAY, strict). It uses only what every target has: the client and the runtime info. To record it again, delete
 * that directory and run it with {@code -Dhubsim.target=record -Dhubsim.test.start-live-registry=true}.
 */
@DockerHubSimulation(users = "alice:example-pw-5")
class ExampleRegistryTest {

    @Test
    void anImagePushedCanBePulledBackByTagAndByDigest(DockerHubClient client) throws IOException {
        Digest pushed = TinyImage.push(client, "alice/example:1.0", "hello from the example");

        FetchedManifest byTag = client.registry().getManifest(ImageReference.parse("alice/example:1.0"));
        FetchedManifest byDigest = client.registry().getManifest(ImageReference.parse("alice/example@" + pushed));

        assertThat(Digest.sha256(byTag.bytes())).isEqualTo(pushed);
        assertThat(byDigest.bytes()).isEqualTo(byTag.bytes());
        Digest layer = byTag.manifest().layers().get(0).digest();
        try (InputStream content = client.registry().openBlob("alice/example", layer)) {
            assertThat(new String(content.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello from the example");
        }
    }

    @Test
    void pushedTagsAreListed(DockerHubClient client) {
        TinyImage.push(client, "alice/listed:v1", "one");
        TinyImage.push(client, "alice/listed:v2", "two");

        assertThat(client.registry().listTags("alice/listed")).contains("v1", "v2");
    }

    @Test
    void anImageNeverPushedIsAbsent(DockerHubClient client) {
        assertThat(client.registry().checkManifest(ImageReference.parse("alice/example:never-pushed"))).isEmpty();
    }

    @Test
    void theRuntimeInfoNamesTheTargetInForce(HubsimRuntimeInfo info) {
        Target expected = Target.byName(System.getProperty("hubsim.target", "mock")).orElseThrow();
        assertThat(info.target()).isEqualTo(expected);
        assertThat(info.registryUrl().getHost()).isEqualTo("127.0.0.1");
    }
}
