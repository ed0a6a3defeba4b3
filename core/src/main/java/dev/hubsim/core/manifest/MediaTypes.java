package dev.hubsim.core.manifest;

import java.util.Set;

/** The media types of manifests, configs and layers that Docker Hub's registry stores and serves. */
public final class MediaTypes {
    /** Docker image manifest, schema 2. */
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    /** Docker manifest list ("fat manifest"). */
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    /** OCI image manifest. */
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    /** OCI image index. */
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    /** Legacy schema 1 (refused on push, as Docker Hub has done since 2024-11-04). */
    public static final String DOCKER_MANIFEST_V1 = "application/vnd.docker.distribution.manifest.v1+json";
    /** Legacy signed schema 1. */
    public static final String DOCKER_MANIFEST_V1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    /** Docker image config. */
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    /** OCI image config. */
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    /** OCI empty descriptor payload ({@code {}}), used by artifacts. */
    public static final String OCI_EMPTY = "application/vnd.oci.empty.v1+json";
    /** Docker gzip layer. */
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    /** Docker foreign (non-distributable) layer. */
    public static final String DOCKER_LAYER_FOREIGN = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";
    /** OCI uncompressed layer. */
    public static final String OCI_LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    /** OCI gzip layer. */
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    /** OCI zstd layer. */
    public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

    /** The four manifest types a registry accepts and negotiates. */
    public static final Set<String> MANIFESTS = Set.of(DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, OCI_MANIFEST, OCI_INDEX);

    private MediaTypes() {
    }

    /** True for the manifest list and the OCI index: manifests whose children are manifests. */
    public static boolean isIndex(String mediaType) {
        return DOCKER_MANIFEST_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
    }

    /** True for one of the four manifest types; false for null. */
    public static boolean isManifest(String mediaType) {
        return mediaType != null && MANIFESTS.contains(mediaType);
    }
}
