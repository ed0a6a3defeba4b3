package dev.hubsim.simulator.mirror;

import dev.hubsim.core.error.RegistryErrorCode;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.core.reference.InvalidDigestException;
import dev.hubsim.core.registry.BlobInfo;
import dev.hubsim.core.registry.FetchedManifest;
import dev.hubsim.core.registry.ManifestInfo;
import dev.hubsim.simulator.registry.RegistryException;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.registry.StoredManifest;
import dev.hubsim.simulator.storage.IncomingBlob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * A pull-through cache of an upstream registry in front of the simulator's {@link RegistryState}: what the state
 * holds is served from it; what it lacks is fetched from the upstream once and kept. Manifests by digest and blobs
 * are kept forever; a tag is trusted for the TTL on the simulator's clock, then revalidated with a HEAD (when the
 * upstream cannot be reached then, the cached manifest is served). A blob is streamed to the client and into storage
 * at once, never held whole; a broken transfer or a wrong digest stores nothing and the client's response is cut.
 * Thread-safe.
 */
public final class Mirror {
    private static final Logger LOG = LoggerFactory.getLogger(Mirror.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final RegistryState state;
    private final MirrorCounters counters = new MirrorCounters();
    private final Upstream upstream;
    private final TagFreshness tags;

    public Mirror(MirrorSettings settings, RegistryState state, Clock clock) {
        this.state = state;
        this.upstream = new Upstream(settings, new UpstreamCounter(counters));
        this.tags = new TagFreshness(clock, settings.tagTtl());
    }

    /**
     * Makes sure the state holds the manifest a tag or digest names, current within the TTL, fetching it from the
     * upstream when needed; the caller then serves it from the state.
     */
    public void ensureManifest(String name, String reference) {
        state.checkName(name);
        boolean byDigest = checkReference(reference);
        Optional<StoredManifest> cached = state.findManifest(name, reference);
        if (cached.isPresent() && (byDigest || tags.isFresh(name, reference) || stillCurrent(name, reference, cached.get()))) {
            counters.hit(name);
            return;
        }
        counters.miss(name);
        FetchedManifest fetched;
        try {
            fetched = upstream.manifest(name, reference);
        } catch (RegistryException e) {
            if (cached.isPresent() && e.code() == RegistryErrorCode.UNAVAILABLE) {
                LOG.warn("serving the cached {}:{}: {}", name, reference, e.getMessage());
                return;
            }
            throw e;
        }
        state.putMirroredManifest(name, reference, fetched.bytes(), fetched.mediaType());
        if (!byDigest) {
            tags.confirmed(name, reference);
        }
    }

    /** True when the state holds the blob, so the caller serves it from there. Counts a hit. */
    public boolean hasBlob(String name, Digest digest) {
        boolean present = state.hasBlob(name, digest);
        if (present) {
            counters.hit(name);
        }
        return present;
    }

    /** HEAD of a blob the state lacks: its size as the upstream says, without fetching it. */
    public long blobSizeUpstream(String name, Digest digest) {
        state.checkName(name);
        counters.miss(name);
        return upstream.checkBlob(name, digest).map(BlobInfo::size).orElseThrow(() -> RegistryException.of(
                RegistryErrorCode.BLOB_UNKNOWN, "blob unknown to registry", Map.of("digest", digest.toString())));
    }

    /**
     * GET of a blob the state lacks: streams it from the upstream to {@code response} and into storage at once. The
     * last buffer is sent only after the digest is verified, so a client never receives a whole wrong blob. A failure
     * before the first byte (the upstream lacks the blob or cannot be reached) is thrown as a
     * {@link RegistryException}; one after it stores nothing and {@linkplain BlobResponse#abort() aborts} the response.
     */
    public void fetchBlob(String name, Digest digest, BlobResponse response) {
        state.checkName(name);
        counters.miss(name);
        InputStream body = upstream.openBlob(name, digest);
        boolean started = false;
        try (body; IncomingBlob copy = state.receiveBlob(name, digest)) {
            OutputStream client = response.start();
            started = true;
            byte[] held = new byte[BUFFER_SIZE];
            byte[] next = new byte[BUFFER_SIZE];
            int heldLength = 0;
            for (int n = body.read(next); n >= 0; n = body.read(next)) {
                if (n == 0) {
                    continue;
                }
                client.write(held, 0, heldLength);
                copy.write(next, 0, n);
                byte[] swap = held;
                held = next;
                next = swap;
                heldLength = n;
            }
            copy.commit();
            client.write(held, 0, heldLength);
            client.flush();
        } catch (IOException | RuntimeException e) {
            RegistryException failure = e instanceof RuntimeException runtime ? upstream.failure(runtime) : null;
            if (!started && failure != null) {
                throw failure;
            }
            LOG.warn("blob {} of {} from {} not stored: {}", digest, name, upstream.url(),
                    failure != null ? failure.getMessage() : e.getMessage());
            response.abort();
        }
    }

    /** What the mirror has done since it started or was last reset. */
    public MirrorStats stats() {
        return counters.snapshot(upstream.url().toString());
    }

    /** Forgets the tags' freshness and the counters (the state itself is reset by its owner). */
    public void reset() {
        tags.clear();
        counters.clear();
    }

    /** A stale tag: asks the upstream (HEAD) whether it still names the cached manifest, and if so trusts it again. */
    private boolean stillCurrent(String name, String tag, StoredManifest cached) {
        counters.revalidation(name);
        Optional<ManifestInfo> current;
        try {
            current = upstream.checkManifest(name, tag);
        } catch (RegistryException e) {
            if (e.code() != RegistryErrorCode.UNAVAILABLE) {
                throw e;
            }
            LOG.warn("cannot revalidate {}:{}, serving the cached manifest: {}", name, tag, e.getMessage());
            return true;
        }
        if (current.isPresent() && current.get().digest().equals(cached.digest())) {
            tags.confirmed(name, tag);
            return true;
        }
        return false;
    }

    /** Validates a tag or digest; true for a digest. */
    private static boolean checkReference(String reference) {
        if (reference.indexOf(':') >= 0) {
            try {
                Digest.parse(reference);
            } catch (InvalidDigestException e) {
                throw RegistryException.of(RegistryErrorCode.DIGEST_INVALID, e.getMessage());
            }
            return true;
        }
        if (!ImageReference.isValidTag(reference)) {
            throw RegistryException.of(RegistryErrorCode.TAG_INVALID, "invalid tag '" + reference + "'",
                    Map.of("tag", reference));
        }
        return false;
    }
}
