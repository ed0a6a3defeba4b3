package dev.hubsim.recordings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A recording loaded from its directory: the model, and the bodies opened on demand as streams (blob files are never
 * read whole). Immutable and thread-safe.
 */
public final class StoredRecording {
    private final Path directory;
    private final Recording recording;

    StoredRecording(Path directory, Recording recording) {
        this.directory = Objects.requireNonNull(directory);
        this.recording = Objects.requireNonNull(recording);
    }

    public Path directory() {
        return directory;
    }

    public Recording recording() {
        return recording;
    }

    public RecordingMetadata metadata() {
        return recording.metadata();
    }

    public List<Interaction> interactions() {
        return recording.interactions();
    }

    /** Opens a body of this recording for reading; the caller closes the stream. */
    public InputStream openBody(Body body) {
        if (body.isInline()) {
            return new ByteArrayInputStream(body.inlineBytes());
        }
        Path blob = RecordingFiles.blob(directory, body.digest());
        try {
            return Files.newInputStream(blob);
        } catch (NoSuchFileException e) {
            throw new MissingBlobException(body.digest(), blob, "is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open blob " + body.digest() + " of the recording in " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "StoredRecording[" + directory + ", " + recording.interactions().size() + " interactions]";
    }
}
