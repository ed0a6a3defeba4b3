package dev.hubsim.simulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.recordings.Body;
import dev.hubsim.recordings.Interaction;
import dev.hubsim.recordings.QueryParameter;
import dev.hubsim.recordings.RecordedRequest;
import dev.hubsim.recordings.RecordedResponse;
import dev.hubsim.recordings.RecordingMetadata;
import dev.hubsim.recordings.RecordingWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.hubsim.simulator.cli.ServeCommandTest.hubsim;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code hubsim diff} on small recordings written by hand: text and JSON output, and its exit statuses. */
class DiffCommandTest {
    @TempDir
    Path directory;

    @Test
    void aRecordingTheMockAnswersIdenticallyExitsZeroWithAFullScore() {
        Path recording = write("same", 200, "{}");

        ServeCommandTest.Run run = hubsim("diff", recording.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("GET /v2/").contains("match").contains("Score: 2/2 interactions identical (100.0%)");
    }

    @Test
    void aDifferenceExitsOneAndJsonNamesTheInteractionAndWhatDiffers() throws IOException {
        Path recording = write("different", 401, "{}");

        ServeCommandTest.Run run = hubsim("diff", "--json", recording.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("passes").asBoolean()).isFalse();
        assertThat(report.path("differing").asInt()).isEqualTo(1);
        JsonNode first = report.path("interactions").path(0);
        assertThat(first.path("verdict").asText()).isEqualTo("differs");
        assertThat(first.path("unexplained").path(0).path("aspect").asText()).isEqualTo("STATUS");
        assertThat(first.path("unexplained").path(0).path("recorded").asText()).isEqualTo("401");
    }

    @Test
    void aKnownDivergenceFileMakesTheSameDifferenceKnownAndExitsZero() throws IOException {
        Path recording = write("different", 401, "{}");
        Path known = Files.writeString(directory.resolve("known.yaml"),
                "- {id: open-base, path: /v2/, aspect: status, reason: the recorded server wanted a login}\n");

        ServeCommandTest.Run run = hubsim("diff", "--known", known.toString(), recording.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("known").contains("open-base: the recorded server wanted a login");
    }

    @Test
    void aDirectoryWithoutARecordingOrABadKnownFileExitsTwoWithOneLine() throws IOException {
        Path known = Files.writeString(directory.resolve("bad.yaml"), "- {id: x, aspect: colour, reason: r}\n");

        ServeCommandTest.Run missing = hubsim("diff", directory.resolve("nothing").toString());
        ServeCommandTest.Run bad = hubsim("diff", "--known", known.toString(), write("same", 200, "{}").toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().contains("interactions.json");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).singleElement().asString().contains("colour").doesNotContain("Exception");
    }

    /** GET /v2/ (answered with this status and body) and a GET of a missing manifest. */
    private Path write(String name, int status, String body) {
        Path recording = directory.resolve(name);
        try (RecordingWriter writer = RecordingWriter.create(recording,
                new RecordingMetadata("hand-written", null, Instant.parse("2025-01-01T00:00:00Z"), "hubsim test"))) {
            writer.append(new Interaction(RecordedRequest.of("GET", "/v2/", List.of(), Map.of()),
                    RecordedResponse.of(status, Map.of("Content-Type", List.of("application/json")),
                            Body.inline(body.getBytes(StandardCharsets.UTF_8)))));
            writer.append(new Interaction(RecordedRequest.of("GET", "/v2/a/b/manifests/x", QueryParameter.parse(null),
                    Map.of("Accept", List.of("application/vnd.oci.image.manifest.v1+json"))),
                    RecordedResponse.of(404, Map.of("Content-Type", List.of("application/json")), Body.inline(
                            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"
                                    .getBytes(StandardCharsets.UTF_8)))));
        }
        return recording;
    }
}
