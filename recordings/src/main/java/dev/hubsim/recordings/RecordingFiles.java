package dev.hubsim.recordings;

import dev.hubsim.core.reference.Digest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Where the files of a recording directory live, and the atomic rename that makes them visible. */
final class RecordingFiles {
    static final String INTERACTIONS = "interactions.json";
    static final String BLOBS = "blobs";

    private RecordingFiles() {
    }

    static Path interactions(Path directory) {
        return directory.resolve(INTERACTIONS);
    }

    /** {@code blobs/<algorithm>/<hex>}. */
    static Path blob(Path directory, Digest digest) {
        return directory.resolve(BLOBS).resolve(digest.algorithm().prefix()).resolve(digest.hex());
    }

    /** Renames {@code source} over {@code target} atomically where the file system can. */
    static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
