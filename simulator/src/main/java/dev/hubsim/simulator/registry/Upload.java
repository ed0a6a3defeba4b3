package dev.hubsim.simulator.registry;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One blob upload session. Its bytes go to a scratch file and through a running SHA-256, so completing it
 * never re-reads the file for the usual digest. Guarded by its lock; {@link Uploads} owns every transition.
 */
public final class Upload {
    private final String id;
    private final String repository;
    private final Path file;
    private final Instant startedAt;
    final ReentrantLock lock = new ReentrantLock();
    private final MessageDigest sha256 = DigestAlgorithm.SHA256.newMessageDigest();
    private volatile long size;
    private volatile UploadState state = UploadState.INITIATED;
    private volatile Instant lastActivity;

    Upload(String id, String repository, Path file, Instant now) {
        this.id = id;
        this.repository = repository;
        this.file = file;
        this.startedAt = now;
        this.lastActivity = now;
    }

    /** The session id, as in {@code Docker-Upload-UUID}. */
    public String id() {
        return id;
    }

    /** The repository the blob is uploaded to. */
    public String repository() {
        return repository;
    }

    /** Bytes received so far. */
    public long size() {
        return size;
    }

    public UploadState state() {
        return state;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastActivity() {
        return lastActivity;
    }

    /** The inclusive range received so far, as sent in the {@code Range} header: {@code 0-<last>}, {@code 0-0} when empty. */
    public String rangeHeader() {
        return "0-" + Math.max(0, size - 1);
    }

    Path file() {
        return file;
    }

    MessageDigest sha256() {
        return sha256;
    }

    void addSize(long length) {
        size += length;
    }

    Digest sha256SoFar() {
        try {
            return Digest.fromMessageDigest(DigestAlgorithm.SHA256, ((MessageDigest) sha256.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK are cloneable", e);
        }
    }

    void moveTo(UploadState next, Instant now) {
        state = next;
        lastActivity = now;
    }
}
