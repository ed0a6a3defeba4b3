package dev.hubsim.recordings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.hubsim.core.reference.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Loads a recording directory. {@code interactions.json} is parsed strictly (unknown fields, missing fields and
 * invalid values are errors naming the file, line, column and field) and every referenced blob must be present with
 * its recorded size; bodies are read later, as streams, through {@link StoredRecording#openBody}.
 */
public final class RecordingReader {
    private RecordingReader() {
    }

    /** Loads the recording in {@code directory}; throws {@link InvalidRecordingException} saying what is wrong. */
    public static StoredRecording read(Path directory) {
        Path file = RecordingFiles.interactions(directory);
        Recording recording;
        try (InputStream in = Files.newInputStream(file)) {
            recording = RecordingJson.RECORDING.readValue(in);
        } catch (NoSuchFileException e) {
            throw new InvalidRecordingException(directory + " is not a recording: it has no " + RecordingFiles.INTERACTIONS);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordingException(file + " is not a valid recording: " + describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (recording == null) {
            throw new InvalidRecordingException(file + " is empty");
        }
        checkBlobs(directory, recording);
        return new StoredRecording(directory, recording);
    }

    private static void checkBlobs(Path directory, Recording recording) {
        Set<Digest> checked = new HashSet<>();
        for (Interaction interaction : recording.interactions()) {
            checkBlob(directory, interaction.request().body(), checked);
            checkBlob(directory, interaction.response().body(), checked);
        }
    }

    private static void checkBlob(Path directory, Body body, Set<Digest> checked) {
        if (body == null || body.isInline() || !checked.add(body.digest())) {
            return;
        }
        Path blob = RecordingFiles.blob(directory, body.digest());
        try {
            long size = Files.size(blob);
            if (size != body.size()) {
                throw new MissingBlobException(body.digest(), blob, "has " + size + " bytes but the recording says "
                        + body.size());
            }
        } catch (NoSuchFileException e) {
            throw new MissingBlobException(body.digest(), blob, "is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + blob, e);
        }
    }

    /** "line 12, column 7, at interactions[3].response.status: response status 999 is not ..." */
    private static String describe(JsonProcessingException e) {
        StringBuilder text = new StringBuilder();
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            text.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            text.append(text.isEmpty() ? "" : ", ").append("at ").append(path(mapping));
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root == e ? e.getOriginalMessage() : root.getMessage();
        return text.append(text.isEmpty() ? "" : ": ").append(message).toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
