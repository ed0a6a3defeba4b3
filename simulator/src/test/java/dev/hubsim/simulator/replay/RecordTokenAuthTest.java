package dev.hubsim.simulator.replay;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.core.auth.SecretString;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.registry.BlobContent;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.recordings.SecretScanner;
import dev.hubsim.recordings.SecretsFoundException;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.auth.AuthMode;
import dev.hubsim.simulator.ratelimit.RateLimitPolicy;
import dev.hubsim.simulator.seed.Seed;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import dev.hubsim.simulator.testing.TestImages;
import dev.hubsim.simulator.testing.TestImages.Blob;
import dev.hubsim.simulator.testing.TestImages.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records through a token-auth upstream (the simulator behaving like Docker Hub): the token realm is pointed at the
 * proxy so the client fetches its tokens through it, the tokens and credentials reach the recording only as
 * placeholders, and the replay, offline, hands the client a placeholder token it presents back.
 */
class RecordTokenAuthTest {
    private static final String PASSWORD = "alice-record-pw-5521";
    private static final Image IMAGE = TestImages.ociImage();
    private static final ImageReference TAGGED = ImageReference.parse("alice/app:v1");

    @TempDir
    static Path work;
    private static Path recording;
    private static Reply challengeThroughProxy;
    private static String proxyBase;
    private static String upstreamBase;
    private static List<String> upstreamTokenRequests;

    @BeforeAll
    static void record() {
        recording = work.resolve("recording");
        try (Simulator upstream = Simulator.builder().auth(AuthMode.TOKEN).rateLimit(RateLimitPolicy.UNLIMITED)
                .seed(Seed.EMPTY.withUsers(List.of("alice:" + PASSWORD))).start();
             Simulator recorder = Simulator.builder()
                     .mode(Mode.record(Upstreams.registry(upstream.baseUri().toString()), recording)).start()) {
            upstreamBase = upstream.baseUri().toString();
            proxyBase = recorder.baseUri().toString();
            challengeThroughProxy = new RegistryHttp(recorder.baseUri()).get("/v2/alice/app/manifests/v1");
            DockerHubClient alice = alice(recorder);
            for (Blob blob : IMAGE.blobs()) {
                alice.registry().pushBlob("alice/app", BlobContent.of(blob.bytes()));
            }
            alice.registry().putManifest(TAGGED, IMAGE.mediaType(), IMAGE.bytes());
            assertThat(alice.registry().getManifest(TAGGED).bytes()).isEqualTo(IMAGE.bytes());
            upstreamTokenRequests = upstream.journal().entries().stream()
                    .filter(e -> e.path().equals("/token")).map(e -> e.method() + " " + e.path()).toList();
        }
    }

    @Test
    void theChallengeSendsTheClientBackThroughTheProxyForItsToken() {
        assertThat(challengeThroughProxy.status()).isEqualTo(401);
        assertThat(challengeThroughProxy.header("WWW-Authenticate"))
                .startsWith("Bearer realm=\"" + proxyBase + "/token\"")
                .contains("scope=\"repository:alice/app:pull\"");
        assertThat(upstreamTokenRequests).isNotEmpty();
    }

    @Test
    void theRecordingKeepsTheUpstreamsRealmAndOnlyPlaceholdersForTokensAndCredentials() throws IOException {
        List<Interaction> interactions = RecordingReader.read(recording).interactions();
        String document = Files.readString(recording.resolve("interactions.json"));

        assertThat(interactions).anySatisfy(i -> assertThat(i.response().header("www-authenticate"))
                .startsWith("Bearer realm=\"" + upstreamBase + "/token\""));
        assertThat(interactions).anySatisfy(i -> {
            assertThat(i.request().path()).isEqualTo("/token");
            assertThat(i.request().header("authorization")).startsWith("Basic hubsim-redacted-credentials-");
            assertThat(i.response().body().text()).contains("\"token\":\"hubsim-redacted-token-");
        });
        assertThat(interactions).anySatisfy(i -> assertThat(i.request().header("authorization"))
                .startsWith("Bearer hubsim-redacted-token-"));
        assertThat(document).doesNotContain(PASSWORD).doesNotContain(basic());
        SecretScanner.withKnownSecrets(List.of(PASSWORD, basic())).verifyClean(recording);
    }

    @Test
    void theReplayHandsOutThePlaceholderTokenAndAcceptsItBackOffline() {
        try (Simulator replay = Simulator.builder().mode(Mode.replay(recording).strict(true)).start()) {
            Reply challenge = new RegistryHttp(replay.baseUri()).get("/v2/alice/app/manifests/v1");
            assertThat(challenge.header("WWW-Authenticate")).startsWith("Bearer realm=\"" + replay.baseUri() + "/token\"");
            replay.reset();

            DockerHubClient alice = alice(replay);
            for (Blob blob : IMAGE.blobs()) {
                alice.registry().pushBlob("alice/app", BlobContent.of(blob.bytes()));
            }
            alice.registry().putManifest(TAGGED, IMAGE.mediaType(), IMAGE.bytes());

            assertThat(alice.registry().getManifest(TAGGED).bytes()).isEqualTo(IMAGE.bytes());
            replay.replayMisses().verifyNone();
            assertThat(replay.journal().entries()).anySatisfy(e -> {
                assertThat(e.path()).isEqualTo("/token");
                assertThat(e.principal()).isEqualTo("alice");
            });
        }
    }

    @Test
    void aSecretPlantedInTheRecordingFailsTheScanner() throws IOException {
        Path planted = work.resolve("planted");
        try (var files = Files.walk(recording)) {
            for (Path file : files.toList()) {
                Files.copy(file, planted.resolve(recording.relativize(file).toString()));
            }
        }
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXBsYW50ZWQ";
        Path document = planted.resolve("interactions.json");
        Files.writeString(document, Files.readString(document).replace("hubsim-redacted-token-1", jwt));

        assertThatThrownBy(() -> SecretScanner.patternsOnly().verifyClean(planted))
                .isInstanceOf(SecretsFoundException.class)
                .hasMessageContaining("JWT");
    }

    private static DockerHubClient alice(Simulator simulator) {
        return DockerHubClient.builder().registryUrl(simulator.baseUri().toString())
                .credentials("alice", SecretString.of(PASSWORD)).maxRetries(0).build();
    }

    private static String basic() {
        return Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
