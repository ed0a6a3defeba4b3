package dev.hubsim.simulator.replay;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.recordings.SecretScanner;
import dev.hubsim.recordings.StoredRecording;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.testing.DistributionRegistry;
import dev.hubsim.simulator.testing.RegistryHttp;
import dev.hubsim.simulator.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records a session of our client against the CNCF registry through hubsim in record mode, stops the registry, and
 * replays the recording: the same calls give the same answers, byte for byte, with no registry to ask.
 */
class RecordReplayDistributionTest {
    @TempDir
    static Path work;
    private static Path recording;
    private static List<String> recorded;
    private static String registryAuthority;

    @BeforeAll
    static void recordAgainstTheRegistry() throws Exception {
        recording = work.resolve("recording");
        try (DistributionRegistry registry = DistributionRegistry.start(work.resolve("registry"))) {
            registryAuthority = registry.url().getAuthority();
            try (Simulator recorder = Simulator.builder()
                    .mode(Mode.record(Upstreams.registry(registry.url().toString()), recording)
                            .describing(DistributionRegistry.SERVER, DistributionRegistry.version()))
                    .start()) {
                recorded = RegistrySession.run(client(recorder));
            }
        }
    }

    @AfterAll
    static void checkNoSecrets() {
        if (recording != null) {
            SecretScanner.patternsOnly().verifyClean(recording);
        }
    }

    @Test
    void theReplayAnswersTheSameCallsWithTheSameBytesWithTheRegistryStopped() {
        assertThatThrownBy(() -> new Socket("127.0.0.1", Integer.parseInt(registryAuthority.split(":")[1])).close())
                .isInstanceOf(ConnectException.class);
        try (Simulator replay = Simulator.builder().mode(Mode.replay(recording).strict(true)).start()) {
            List<String> replayed = RegistrySession.run(client(replay));

            assertThat(replayed).isEqualTo(recorded);
            assertThat(replay.replayMisses().list()).isEmpty();
        }
    }

    @Test
    void theRecordingHoldsTheUpstreamsAnswersAndTheServerThatGaveThem() {
        StoredRecording stored = RecordingReader.read(recording);

        assertThat(stored.metadata().server()).isEqualTo(DistributionRegistry.SERVER);
        assertThat(stored.metadata().serverVersion()).contains("2.");
        List<Interaction> interactions = stored.interactions();
        assertThat(interactions).anySatisfy(i -> {
            assertThat(i.request().method()).isEqualTo("PATCH");
            assertThat(i.request().body()).isNotNull();
            assertThat(i.response().status()).isEqualTo(202);
            // the upstream's own Location, as it sent it: replay points it at itself
            assertThat(i.response().header("location")).startsWith("http://" + registryAuthority + "/v2/session/app/blobs/uploads/");
        });
        assertThat(interactions).anySatisfy(i -> {
            assertThat(i.request().path()).isEqualTo("/v2/session/app/blobs/" + RegistrySession.IMAGE.blobs().get(3).digest());
            assertThat(i.response().body().isInline()).isFalse();
            assertThat(i.response().body().size()).isEqualTo(RegistrySession.IMAGE.blobs().get(3).size());
        });
    }

    @Test
    void uploadLocationsPointAtTheReplayServer() {
        try (Simulator replay = Simulator.builder().mode(Mode.replay(recording)).start()) {
            Reply started = new RegistryHttp(replay.baseUri()).post("/v2/session/app/blobs/uploads/", new byte[0]);

            assertThat(started.status()).isEqualTo(202);
            assertThat(started.header("Location")).startsWith(replay.baseUri() + "/v2/session/app/blobs/uploads/");
            assertThat(started.header("Docker-Upload-UUID")).isNotBlank();
            assertThat(started.header("Docker-Distribution-API-Version")).isEqualTo("registry/2.0");
            assertThat(started.header("Content-Type")).as("the registry sent none").isNull();
        }
    }

    @Test
    void anUnrecordedRequestIsA404NamingTheNearestRecordedRequestAndWhatDiffers() {
        try (Simulator replay = Simulator.builder().mode(Mode.replay(recording)).start()) {
            RegistryHttp http = new RegistryHttp(replay.baseUri());

            Reply missed = http.get("/v2/session/app/manifests/v9", "Accept", RegistryHttp.ACCEPT_ALL);

            assertThat(missed.status()).isEqualTo(404);
            assertThat(missed.errorCode()).isEqualTo("UNSUPPORTED");
            assertThat(missed.error().path("message").asText())
                    .contains("GET /v2/session/app/manifests/v9 matches no recorded request")
                    .contains("nearest: GET /v2/session/app/manifests/")
                    .contains("reference differs (v9 vs ");
            assertThat(replay.replayMisses().list()).singleElement()
                    .satisfies(miss -> assertThat(miss.differences()).singleElement().asString().startsWith("reference differs"));
            assertThatThrownBy(() -> replay.replayMisses().verifyNone())
                    .isInstanceOf(UnmatchedRequestsException.class)
                    .hasMessageContaining("1 request(s) matched no recorded interaction")
                    .hasMessageContaining("/v2/session/app/manifests/v9");
            Reply admin = http.get("/_hubsim/recording");
            assertThat(admin.json().path("mode").asText()).isEqualTo("replay");
            assertThat(admin.json().path("misses").path(0).path("path").asText()).isEqualTo("/v2/session/app/manifests/v9");
        }
    }

    @Test
    void aStrictReplayRefusesEverythingAfterItsFirstMissUntilTheMissesAreCleared() {
        try (Simulator replay = Simulator.builder().mode(Mode.replay(recording).strict(true)).start()) {
            RegistryHttp http = new RegistryHttp(replay.baseUri());
            http.get("/v2/session/app/manifests/v9", "Accept", RegistryHttp.ACCEPT_ALL);

            String recordedBlob = "/v2/session/app/blobs/" + RegistrySession.IMAGE.blobs().get(1).digest();
            Reply refused = http.get(recordedBlob);

            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.error().path("message").asText())
                    .startsWith("strict replay stopped at its first unmatched request: GET /v2/session/app/manifests/v9");
            assertThat(http.delete("/_hubsim/recording/misses").status()).isEqualTo(204);
            Reply answered = http.get(recordedBlob);
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.body()).isEqualTo(RegistrySession.IMAGE.blobs().get(1).bytes());
        }
    }

    static DockerHubClient client(Simulator simulator) {
        return DockerHubClient.builder().registryUrl(simulator.baseUri().toString()).anonymous()
                .chunkSize(RegistrySession.CHUNK_SIZE).maxRetries(0).build();
    }
}
