package dev.hubsim.simulator.replay;

import dev.hubsim.core.DockerHubClient;
import dev.hubsim.recordings.RecordingMetadata;
import dev.hubsim.recordings.RecordingReader;
import dev.hubsim.recordings.SecretScanner;
import dev.hubsim.simulator.Simulator;
import dev.hubsim.simulator.testing.RegistryHttp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording shipped in {@code recordings/shipped/} (made by {@code recordings/scripts/record-reference.sh}
 * against docker-registry) replayed, strictly, to our client and the raw protocol corners: every call gets what it got
 * from the registry, as noted beside the recording, and the recording holds no secret.
 */
class ShippedRecordingTest {
    private static final Path SHIPPED = Path.of("..", "recordings", "shipped", "distribution-2.8.2");

    @Test
    void theShippedRecordingSaysWhatMadeIt() {
        RecordingMetadata metadata = RecordingReader.read(SHIPPED).metadata();

        assertThat(metadata.server()).isEqualTo("docker-registry (CNCF distribution)");
        assertThat(metadata.serverVersion()).isEqualTo("github.com/docker/distribution 2.8.2+ds1");
        assertThat(metadata.recordedAt()).isNotNull();
    }

    @Test
    void theReplayAnswersTheReferenceSessionAsTheRegistryDid() throws IOException {
        List<String> replayed = new ArrayList<>();
        try (Simulator replay = Simulator.builder().mode(Mode.replay(SHIPPED).strict(true)).start()) {
            replayed.addAll(RegistrySession.run(DockerHubClient.builder().registryUrl(replay.baseUri().toString())
                    .anonymous().chunkSize(RegistrySession.CHUNK_SIZE).maxRetries(0).build()));
            replayed.addAll(RegistryCorners.run(new RegistryHttp(replay.baseUri())));
            replay.replayMisses().verifyNone();
        }

        assertThat(replayed).isEqualTo(Files.readAllLines(SHIPPED.resolve(ReferenceRecording.NOTES)));
    }

    @Test
    void theShippedRecordingHoldsNoSecret() {
        SecretScanner.patternsOnly().verifyClean(SHIPPED);
    }
}
