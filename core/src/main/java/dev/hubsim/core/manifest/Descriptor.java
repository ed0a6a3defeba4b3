package dev.hubsim.core.manifest;

import dev.hubsim.core.reference.Digest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A content descriptor (OCI image-spec descriptor.md): the media type, digest and size of a blob or manifest,
 * with optional urls, annotations, platform (index entries) and artifact type.
 */
public record Descriptor(String mediaType, Digest digest, long size, List<String> urls, Map<String, String> annotations,
                         Platform platform, String artifactType) {

    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("descriptor size must be >= 0, got " + size);
        }
        urls = urls == null ? List.of() : List.copyOf(urls);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** A plain descriptor with only media type, digest and size. */
    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, List.of(), Map.of(), null, null);
    }
}
