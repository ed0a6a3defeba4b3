package dev.hubsim.recordings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.Objects;

/**
 * What produced a recording.
 *
 * @param server        the server that answered, e.g. {@code docker-registry (CNCF distribution)}
 * @param serverVersion its version, e.g. {@code 2.8.2}; null when unknown
 * @param recordedAt    when the recording started
 * @param tool          what recorded it, e.g. {@code hubsim 0.1.0}
 */
@JsonPropertyOrder({"server", "serverVersion", "recordedAt", "tool"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordingMetadata(String server, String serverVersion, Instant recordedAt, String tool) {

    public RecordingMetadata {
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("recording metadata needs the server that was recorded");
        }
        Objects.requireNonNull(recordedAt, "recording metadata needs the date it was recorded (recordedAt)");
        if (tool == null || tool.isBlank()) {
            throw new IllegalArgumentException("recording metadata needs the tool that recorded it");
        }
    }
}
