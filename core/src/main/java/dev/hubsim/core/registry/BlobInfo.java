package dev.hubsim.core.registry;

import dev.hubsim.core.reference.Digest;

/** What a blob HEAD tells: the blob exists, with this digest and size. */
public record BlobInfo(Digest digest, long size) {
}
