package dev.hubsim.dsl;

import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import java.nio.file.Path;
import java.util.List;

/**
 * An image a script built with {@code image(ref) { ... }}: written to an OCI layout in the run's temporary directory,
 * ready to {@code push}. Building it twice from the same block gives the same digest.
 *
 * @param reference where it is pushed unless told otherwise
 * @param layout    the OCI image layout directory that holds it
 * @param name      its name in the layout's {@code index.json}
 * @param digest    the digest of its manifest (of its index, with several platforms)
 * @param layers    the digests of its layers, bottom first
 * @param size      the bytes of its layers
 */
public record BuiltImage(ImageReference reference, Path layout, String name, Digest digest, List<Digest> layers,
                         long size) {
    public BuiltImage {
        layers = List.copyOf(layers);
    }

    @Override
    public String toString() {
        return reference + "@" + digest;
    }
}
