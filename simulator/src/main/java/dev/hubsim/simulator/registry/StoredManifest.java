package dev.hubsim.simulator.registry;

import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.reference.Digest;

/**
 * A manifest as pushed: the exact bytes, their digest, the media type it was stored with, and the parsed model
 * (for references, subject and artifact type). The bytes are never re-serialised.
 */
public record StoredManifest(Digest digest, String mediaType, byte[] bytes, Manifest model) {

    /** The size of the stored bytes. */
    public int size() {
        return bytes.length;
    }

    /** The descriptor a referrers index lists for this manifest. */
    public Descriptor asReferrer() {
        return new Descriptor(mediaType, digest, bytes.length, java.util.List.of(), model.annotations(), null,
                model.effectiveArtifactType());
    }
}
