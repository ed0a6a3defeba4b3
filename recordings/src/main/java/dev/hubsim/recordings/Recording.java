package dev.hubsim.recordings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * A recording: its metadata and its interactions in the order they happened. The model of
 * {@code interactions.json}; bodies larger than {@link Body#INLINE_LIMIT} live in blob files beside it.
 *
 * @param format the version of the on-disk format, {@link #FORMAT}
 */
@JsonPropertyOrder({"format", "metadata", "interactions"})
public record Recording(int format, RecordingMetadata metadata, List<Interaction> interactions) {
    /** The on-disk format this code reads and writes. */
    public static final int FORMAT = 1;

    public Recording {
        if (format != FORMAT) {
            throw new IllegalArgumentException("recording format " + format + " is not supported (this hubsim reads format "
                    + FORMAT + ")");
        }
        Objects.requireNonNull(metadata, "recording metadata is missing");
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }

    /** A recording in the current format. */
    public static Recording of(RecordingMetadata metadata, List<Interaction> interactions) {
        return new Recording(FORMAT, metadata, interactions);
    }
}
