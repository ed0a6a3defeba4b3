package dev.hubsim.core.registry;

import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.reference.ImageReference;

/**
 * What an image pull wrote to the layout.
 *
 * @param reference  the image pulled
 * @param name       its name in the layout's {@code index.json}
 * @param manifest   the manifest (or index) named, as listed in {@code index.json}
 * @param downloaded blobs downloaded
 * @param skipped    blobs the layout already had
 * @param bytes      bytes of blobs downloaded
 */
public record PulledImage(ImageReference reference, String name, Descriptor manifest, int downloaded, int skipped,
                          long bytes) {
}
