package dev.hubsim.core.registry;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;

/**
 * What an image push did.
 *
 * @param target   where the image went
 * @param digest   the digest of the manifest (or index) pushed last, under the target's tag
 * @param uploaded blobs uploaded (including those the registry could not mount)
 * @param skipped  blobs the repository already had
 * @param mounted  blobs mounted from another repository
 * @param bytes    bytes of blobs uploaded
 */
public record PushedImage(ImageReference target, Digest digest, int uploaded, int skipped, int mounted, long bytes) {
}
