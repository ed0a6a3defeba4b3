package dev.hubsim.core.registry;

import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.reference.Digest;
import java.util.Objects;

/**
 * A manifest as the registry served it: the exact bytes (the digest is over them), their verified digest, the
 * media type and the parsed model.
 */
public final class FetchedManifest {
    private final Digest digest;
    private final String mediaType;
    private final byte[] bytes;
    private final Manifest manifest;

    FetchedManifest(Digest digest, String mediaType, byte[] bytes, Manifest manifest) {
        this.digest = Objects.requireNonNull(digest);
        this.mediaType = Objects.requireNonNull(mediaType);
        this.bytes = bytes.clone();
        this.manifest = Objects.requireNonNull(manifest);
    }

    public Digest digest() {
        return digest;
    }

    /** One of the four manifest media types. */
    public String mediaType() {
        return mediaType;
    }

    /** A copy of the exact bytes served. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public Manifest manifest() {
        return manifest;
    }

    @Override
    public String toString() {
        return "FetchedManifest[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
    }
}
