package dev.hubsim.core.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A schema-2 manifest, image manifest or index, Docker or OCI, as read from the exact bytes a client pushed.
 * An image manifest has a {@code config} and {@code layers}; an index has {@code manifests}. Both may carry an
 * OCI 1.1 {@code subject} and {@code artifactType}. The model is never re-serialised: callers keep the bytes.
 */
public record Manifest(int schemaVersion, String mediaType, String artifactType, Descriptor config,
                       List<Descriptor> layers, List<Descriptor> manifests, Descriptor subject,
                       Map<String, String> annotations) {

    public Manifest {
        Objects.requireNonNull(mediaType, "mediaType");
        layers = layers == null ? List.of() : List.copyOf(layers);
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /**
     * Parses and validates manifest bytes. The media type is the {@code mediaType} field, else the content type
     * when it is a manifest type, else inferred ({@code manifests} ⇒ OCI index, {@code config} ⇒ OCI manifest).
     *
     * @param contentType the request's {@code Content-Type}, or null
     * @throws InvalidManifestException naming what is wrong
     */
    public static Manifest parse(byte[] bytes, String contentType) {
        return ManifestParser.parse(bytes, contentType);
    }

    /** True for a Docker manifest list or an OCI index. */
    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    /** The blobs this manifest needs in the repository: config then layers; empty for an index. */
    public List<Descriptor> blobReferences() {
        if (config == null) {
            return layers;
        }
        return Stream.concat(Stream.of(config), layers.stream()).toList();
    }

    /** The manifest this one refers to (OCI referrers), if any. */
    public Optional<Descriptor> subjectDescriptor() {
        return Optional.ofNullable(subject);
    }

    /** The OCI referrers rule: {@code artifactType}, else the config media type; null for an index without one. */
    public String effectiveArtifactType() {
        if (artifactType != null) {
            return artifactType;
        }
        return config != null ? config.mediaType() : null;
    }
}
