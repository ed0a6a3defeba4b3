package dev.hubsim.recordings;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Captures one body as it streams past, for a {@link RecordingWriter}: the first {@link Body#INLINE_LIMIT} bytes are
 * kept in memory; a larger body goes to a temporary file while it is hashed, and on {@link #close()} is renamed into
 * {@code blobs/sha256/<hex>} (once: an identical blob already there is kept). Memory use is bounded whatever the
 * size. {@link #body()} then gives the {@link Body} to put in the interaction. {@link #tee} lets a proxy write the
 * body to its client and to the recording at once. Used by one thread at a time.
 */
public final class BodyCapture extends OutputStream {
    private final Path recordingDirectory;
    private final Path temporaryDirectory;
    private final MessageDigest messageDigest = DigestAlgorithm.SHA256.newMessageDigest();
    private ByteArrayOutputStream head = new ByteArrayOutputStream();
    private Path spillFile;
    private OutputStream spill;
    private long size;
    private boolean closed;
    private Body body;

    BodyCapture(Path recordingDirectory, Path temporaryDirectory) {
        this.recordingDirectory = recordingDirectory;
        this.temporaryDirectory = temporaryDirectory;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the body capture is closed");
        }
        messageDigest.update(bytes, offset, length);
        size += length;
        if (spill == null && head.size() + length <= Body.INLINE_LIMIT) {
            head.write(bytes, offset, length);
            return;
        }
        if (spill == null) {
            Files.createDirectories(temporaryDirectory);
            spillFile = Files.createTempFile(temporaryDirectory, "body-", ".partial");
            spill = new BufferedOutputStream(Files.newOutputStream(spillFile), 64 * 1024);
            head.writeTo(spill);
            head = null;
        }
        spill.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        if (spill != null) {
            spill.flush();
        }
    }

    /** Ends the body: a large one is moved into the recording's blobs. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (spill == null) {
            body = size == 0 ? null : Body.inline(head.toByteArray());
            head = null;
            return;
        }
        Digest digest = Digest.fromMessageDigest(DigestAlgorithm.SHA256, messageDigest.digest());
        try {
            spill.close();
            Path target = RecordingFiles.blob(recordingDirectory, digest);
            Files.createDirectories(target.getParent());
            if (Files.isRegularFile(target) && Files.size(target) == size) {
                Files.delete(spillFile);
            } else {
                RecordingFiles.moveAtomically(spillFile, target);
            }
            body = Body.blob(digest, size);
        } finally {
            Files.deleteIfExists(spillFile);
        }
    }

    /** Drops what was captured (e.g. the transfer broke): nothing reaches the recording. Idempotent. */
    public void discard() {
        closed = true;
        head = null;
        body = null;
        if (spill != null) {
            try {
                spill.close();
                Files.deleteIfExists(spillFile);
            } catch (IOException ignored) {
                // a leftover partial file is not part of the recording; the writer's close removes it
            }
        }
    }

    /** The captured body after {@link #close()}; null when it was empty or discarded. */
    public Body body() {
        if (!closed) {
            throw new IllegalStateException("close the body capture before asking for its body");
        }
        return body;
    }

    /** Bytes captured so far. */
    public long size() {
        return size;
    }

    /**
     * A stream that writes every byte to {@code downstream} and to this capture. Closing it closes this capture and
     * flushes {@code downstream}, which stays open: its owner closes it.
     */
    public OutputStream tee(OutputStream downstream) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                downstream.write(b);
                BodyCapture.this.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                downstream.write(bytes, offset, length);
                BodyCapture.this.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                downstream.flush();
                BodyCapture.this.flush();
            }

            @Override
            public void close() throws IOException {
                downstream.flush();
                BodyCapture.this.close();
            }
        };
    }
}
