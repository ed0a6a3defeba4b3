package dev.hubsim.simulator.storage;

import dev.hubsim.core.reference.Digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Content-addressed blob files under one root: {@code blobs/<alg>/<2 hex>/<hex>}. A blob becomes visible only by
 * an atomic rename of a complete, verified file, so a killed process never leaves a partial blob behind; the
 * scratch directory for unfinished files is emptied at start.
 */
public final class BlobStore {
    private final Path blobs;
    private final Path scratch;

    public BlobStore(Path root) {
        this.blobs = root.resolve("blobs");
        this.scratch = root.resolve("scratch");
        try {
            Files.createDirectories(blobs);
            FileTrees.deleteRecursively(scratch);
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare blob storage under " + root, e);
        }
    }

    /** Deletes every stored blob (reset). Scratch files of running uploads are left to their sessions. */
    public void clear() {
        try {
            FileTrees.deleteRecursively(blobs);
            Files.createDirectories(blobs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear blob storage " + blobs, e);
        }
    }

    /** The size of a stored blob, if it is stored. */
    public Optional<Long> size(Digest digest) {
        try {
            return Optional.of(Files.size(path(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the blob is stored. */
    public boolean contains(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    /** Opens a stored blob for reading; empty if it is not stored. */
    public Optional<FileChannel> open(Digest digest) {
        try {
            return Optional.of(FileChannel.open(path(digest), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a small stored blob (a manifest) whole. */
    public Optional<byte[]> readSmall(Digest digest) {
        try {
            return Optional.of(Files.readAllBytes(path(digest)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, empty scratch file for an upload in progress. */
    public Path newScratchFile() {
        try {
            return Files.createFile(scratch.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores small content (a manifest) under its digest, atomically. */
    public void putSmall(Digest digest, byte[] content) {
        if (contains(digest)) {
            return;
        }
        Path file = newScratchFile();
        try {
            Files.write(file, content);
            commit(file, digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A blob that will arrive as a stream and must have {@code digest}; {@code onCommit} runs once it is stored.
     * Close it in every case: closing without a commit stores nothing.
     */
    public IncomingBlob incoming(Digest digest, Runnable onCommit) {
        try {
            return new IncomingBlob(this, digest, onCommit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start storing blob " + digest, e);
        }
    }

    /**
     * Moves a complete, verified scratch file into place under its digest. The rename is atomic: readers see
     * either no blob or the whole blob. If the blob is already stored, the scratch file is dropped.
     */
    public void commit(Path scratchFile, Digest digest) throws IOException {
        Path target = path(digest);
        Files.createDirectories(target.getParent());
        try {
            Files.move(scratchFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("blob storage must be on a file system with atomic rename", e);
        }
    }

    /** Deletes a scratch file, ignoring one that is already gone. */
    public void discard(Path scratchFile) {
        try {
            Files.deleteIfExists(scratchFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(Digest digest) {
        String hex = digest.hex();
        return blobs.resolve(digest.algorithm().prefix()).resolve(hex.substring(0, 2)).resolve(hex);
    }
}
