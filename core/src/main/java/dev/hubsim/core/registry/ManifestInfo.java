package dev.hubsim.core.registry;

import dev.hubsim.core.reference.Digest;

/** What a manifest HEAD tells: the digest, media type and size of the manifest. */
public record ManifestInfo(Digest digest, String mediaType, long size) {
}
