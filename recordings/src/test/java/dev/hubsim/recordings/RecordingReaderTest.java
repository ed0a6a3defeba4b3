package dev.hubsim.recordings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.hubsim.recordings.Exchanges.METADATA;
import static dev.hubsim.recordings.Exchanges.interaction;
import static dev.hubsim.recordings.Exchanges.request;
import static dev.hubsim.recordings.Exchanges.response;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingReaderTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryWithoutInteractionsIsNotARecording() {
        assertThatThrownBy(() -> RecordingReader.read(dir)).isInstanceOf(InvalidRecordingException.class)
                .hasMessage(dir + " is not a recording: it has no interactions.json");
    }

    @Test
    void malformedJsonNamesTheFileLineAndColumn() throws IOException {
        Files.writeString(dir.resolve("interactions.json"), "{\n  \"format\": 1,\n  \"metadata\": {,\n}");
        assertThatThrownBy(() -> RecordingReader.read(dir)).isInstanceOf(InvalidRecordingException.class)
                .hasMessageStartingWith(dir.resolve("interactions.json") + " is not a valid recording: line 3, column ");
    }

    @Test
    void anInvalidValueNamesTheInteractionAndField() throws IOException {
        String file = validFile().replace("\"status\": 200", "\"status\": 999");
        Files.writeString(dir.resolve("interactions.json"), file);
        assertThatThrownBy(() -> RecordingReader.read(dir)).isInstanceOf(InvalidRecordingException.class)
                .hasMessageContaining("at interactions[0].response")
                .hasMessageContaining("response status 999 is not an HTTP status");
    }

    @Test
    void anUnknownFieldIsAnError() throws IOException {
        Files.writeString(dir.resolve("interactions.json"), validFile().replace("\"method\": \"GET\"",
                "\"method\": \"GET\", \"verb\": \"GET\""));
        assertThatThrownBy(() -> RecordingReader.read(dir)).isInstanceOf(InvalidRecordingException.class)
                .hasMessageContaining("interactions[0].request.verb").hasMessageContaining("\"verb\"");
    }

    @Test
    void anEditedBodyWithAStaleDigestIsAnError() throws IOException {
        Files.writeString(dir.resolve("interactions.json"), validFile().replace("{\\\"ok\\\":true}", "{\\\"ok\\\":TRUE}"));
        assertThatThrownBy(() -> RecordingReader.read(dir)).isInstanceOf(InvalidRecordingException.class)
                .hasMessageContaining("interactions[0].response.body")
                .hasMessageContaining("does not match its content");
    }

    @Test
    void anUnsupportedFormatIsAnError() throws IOException {
        Files.writeString(dir.resolve("interactions.json"), validFile().replace("\"format\": 1", "\"format\": 7"));
        assertThatThrownBy(() -> RecordingReader.read(dir)).isInstanceOf(InvalidRecordingException.class)
                .hasMessageContaining("recording format 7 is not supported");
    }

    @Test
    void aMissingOrTruncatedBlobIsAnErrorNamingItsDigest() throws IOException {
        Body blob;
        try (RecordingWriter writer = RecordingWriter.create(dir, METADATA)) {
            blob = RecordingRoundTripTest.capture(writer, RecordingRoundTripTest.randomBytes(10_000, 1));
            writer.append(interaction(request("GET", "/v2/a/blobs/x"), RecordedResponse.of(200, Exchanges.headers(), blob)));
        }
        Path file = dir.resolve("blobs/sha256/" + blob.digest().hex());

        Files.write(file, new byte[10]);
        assertThatThrownBy(() -> RecordingReader.read(dir)).isInstanceOf(MissingBlobException.class)
                .hasMessageContaining("blob " + blob.digest() + " has 10 bytes but the recording says 10000");

        Files.delete(file);
        assertThatThrownBy(() -> RecordingReader.read(dir)).isInstanceOf(MissingBlobException.class)
                .hasMessage("blob " + blob.digest() + " is missing (expected at " + file + ")")
                .satisfies(e -> assertThat(((MissingBlobException) e).digest()).isEqualTo(blob.digest()));
    }

    private String validFile() throws IOException {
        Path valid = dir.resolve("valid");
        try (RecordingWriter writer = RecordingWriter.create(valid, METADATA)) {
            writer.append(interaction(request("GET", "/v2/"), response(200, "{\"ok\":true}")));
        }
        return Files.readString(valid.resolve("interactions.json"));
    }
}
