package dev.hubsim.simulator.registry;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.core.reference.InvalidDigestException;
import dev.hubsim.simulator.storage.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The blob upload state machine (INITIATED → UPLOADING → COMPLETED / FAILED / CANCELLED / EXPIRED). Chunks are
 * streamed to a scratch file; a completed upload is verified against its digest and moved into the blob store
 * atomically, then linked into its repository. A mismatch stores nothing.
 */
public final class Uploads {
    private final Map<String, Upload> sessions = new ConcurrentHashMap<>();
    private final BlobStore blobs;
    private final Clock clock;
    private final Duration idleTimeout;
    private final BiConsumer<String, Digest> linker;

    Uploads(BlobStore blobs, Clock clock, Duration idleTimeout, BiConsumer<String, Digest> linker) {
        this.blobs = blobs;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.linker = linker;
    }

    /** POST .../blobs/uploads/: a new, empty session. */
    public Upload start(String repository) {
        Upload upload = new Upload(UUID.randomUUID().toString(), repository, blobs.newScratchFile(), clock.instant());
        sessions.put(upload.id(), upload);
        return upload;
    }

    /**
     * GET &lt;location&gt;: the session, if it is open and belongs to this repository. Answers at once even while a
     * chunk is being received, with what has arrived so far.
     */
    public Upload status(String repository, String id) {
        Upload upload = open(repository, id);
        if (!upload.lock.tryLock()) {
            return upload;
        }
        try {
            checkOpen(upload);
            return upload;
        } finally {
            upload.lock.unlock();
        }
    }

    /**
     * PATCH &lt;location&gt;: appends the body. With a range, it must start where the upload stands (else 416 and the
     * session is unchanged) and the body must be exactly that long.
     */
    public Upload append(String repository, String id, InputStream body, ContentRange range, Long contentLength) {
        Upload upload = open(repository, id);
        upload.lock.lock();
        try {
            checkOpen(upload);
            write(upload, body, range, contentLength);
            return upload;
        } finally {
            upload.lock.unlock();
        }
    }

    /**
     * PUT &lt;location&gt;?digest=: appends an optional final chunk, verifies the whole content against the digest
     * and stores it. A malformed or missing digest leaves the session as it was; a mismatch fails it and stores
     * nothing.
     */
    public Digest complete(String repository, String id, String digestParameter, InputStream body, ContentRange range,
                           Long contentLength) {
        Upload upload = open(repository, id);
        upload.lock.lock();
        try {
            checkOpen(upload);
            Digest expected = parseDigestParameter(digestParameter);
            write(upload, body, range, contentLength);
            Digest actual = digestOf(upload, expected.algorithm());
            if (!actual.equals(expected)) {
                finish(upload, UploadState.FAILED);
                throw RegistryException.of(RegistryErrorCode.DIGEST_INVALID, "provided digest did not match uploaded content",
                        Map.of("expected", expected.toString(), "actual", actual.toString()));
            }
            blobs.commit(upload.file(), expected);
            linker.accept(repository, expected);
            sessions.remove(upload.id());
            upload.moveTo(UploadState.COMPLETED, clock.instant());
            return expected;
        } catch (IOException e) {
            finish(upload, UploadState.FAILED);
            throw new UncheckedIOException(e);
        } finally {
            upload.lock.unlock();
        }
    }

    /** DELETE &lt;location&gt;: cancels the session and discards its bytes. */
    public void cancel(String repository, String id) {
        Upload upload = open(repository, id);
        upload.lock.lock();
        try {
            checkOpen(upload);
            finish(upload, UploadState.CANCELLED);
        } finally {
            upload.lock.unlock();
        }
    }

    /** Expires every session idle for longer than the timeout (sessions busy with a request are left alone). */
    public int expireIdle() {
        int expired = 0;
        for (Upload upload : sessions.values()) {
            if (upload.lock.tryLock()) {
                try {
                    if (upload.state().isOpen() && isIdle(upload)) {
                        finish(upload, UploadState.EXPIRED);
                        expired++;
                    }
                } finally {
                    upload.lock.unlock();
                }
            }
        }
        return expired;
    }

    /** Cancels every open session (reset). */
    public void cancelAll() {
        for (Upload upload : sessions.values()) {
            upload.lock.lock();
            try {
                if (upload.state().isOpen()) {
                    finish(upload, UploadState.CANCELLED);
                }
            } finally {
                upload.lock.unlock();
            }
        }
    }

    /** Open sessions, for the admin view and tests. */
    public int openCount() {
        return sessions.size();
    }

    /** A session of this repository by id, if any. */
    public Optional<Upload> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    private Upload open(String repository, String id) {
        Upload upload = sessions.get(id);
        if (upload == null || !upload.repository().equals(repository)) {
            throw unknown(id);
        }
        return upload;
    }

    private void checkOpen(Upload upload) {
        if (upload.state().isOpen() && isIdle(upload)) {
            finish(upload, UploadState.EXPIRED);
        }
        if (!upload.state().isOpen()) {
            throw unknown(upload.id());
        }
    }

    private boolean isIdle(Upload upload) {
        return upload.lastActivity().plus(idleTimeout).isBefore(clock.instant());
    }

    private void write(Upload upload, InputStream body, ContentRange range, Long contentLength) {
        if (range != null) {
            if (range.start() != upload.size()) {
                throw RegistryException.of(RegistryErrorCode.RANGE_INVALID, "chunk starts at " + range.start()
                                + " but the upload stands at " + upload.size(), Map.of("range", upload.rangeHeader()))
                        .withHeader("Range", upload.rangeHeader());
            }
            if (contentLength != null && contentLength != range.length()) {
                finish(upload, UploadState.FAILED);
                throw RegistryException.of(RegistryErrorCode.SIZE_INVALID, "Content-Length " + contentLength
                        + " does not match Content-Range length " + range.length());
            }
        }
        long before = upload.size();
        copy(body, upload);
        long written = upload.size() - before;
        upload.moveTo(written > 0 || upload.size() > 0 ? UploadState.UPLOADING : upload.state(), clock.instant());
        if (range != null && written != range.length()) {
            finish(upload, UploadState.FAILED);
            throw RegistryException.of(RegistryErrorCode.SIZE_INVALID, "received " + written
                    + " bytes but Content-Range announced " + range.length());
        }
    }

    /** Streams the body to the scratch file; the bytes written before a dropped connection stay, so a client can resume. */
    private void copy(InputStream body, Upload upload) {
        try {
            ChunkWriter.append(body, upload);
        } catch (IOException e) {
            upload.moveTo(upload.size() > 0 ? UploadState.UPLOADING : upload.state(), clock.instant());
            throw new UncheckedIOException("upload " + upload.id() + " interrupted after " + upload.size() + " bytes", e);
        }
    }

    private Digest digestOf(Upload upload, DigestAlgorithm algorithm) throws IOException {
        if (algorithm == DigestAlgorithm.SHA256) {
            return upload.sha256SoFar();
        }
        try (InputStream in = java.nio.file.Files.newInputStream(upload.file())) {
            return Digest.of(algorithm, in);
        }
    }

    private void finish(Upload upload, UploadState state) {
        sessions.remove(upload.id());
        blobs.discard(upload.file());
        upload.moveTo(state, clock.instant());
    }

    private static Digest parseDigestParameter(String digest) {
        if (digest == null || digest.isEmpty()) {
            throw RegistryException.of(RegistryErrorCode.DIGEST_INVALID, "digest missing: complete an upload with ?digest=<algorithm>:<hex>");
        }
        try {
            return Digest.parse(digest);
        } catch (InvalidDigestException e) {
            throw RegistryException.of(RegistryErrorCode.DIGEST_INVALID, e.getMessage());
        }
    }

    private static RegistryException unknown(String id) {
        return RegistryException.of(RegistryErrorCode.BLOB_UPLOAD_UNKNOWN, "blob upload unknown to registry",
                Map.of("uuid", id));
    }
}
