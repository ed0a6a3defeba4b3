package dev.hubsim.simulator.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random content for registry tests: blobs, configs, Docker and OCI image manifests, manifest lists and indexes,
 * and OCI artifacts with a subject. Every value carries the exact bytes and their digest; manifests are compact
 * JSON written in a fixed key order, so the bytes are what gets pushed.
 */
public final class TestImages {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The platforms given to index children, in order. */
    public static final List<String> PLATFORMS = List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "windows/amd64");

    private TestImages() {
    }

    /** Content addressed by its digest: a layer, a config, or an empty artifact config. */
    public record Blob(String mediaType, byte[] bytes) {
        public Digest digest() {
            return Digest.sha256(bytes);
        }

        public Digest digest(DigestAlgorithm algorithm) {
            return Digest.of(algorithm, bytes);
        }

        public int size() {
            return bytes.length;
        }

        Map<String, Object> descriptor() {
            return TestImages.descriptor(mediaType, digest(), bytes.length);
        }
    }

    /**
     * A manifest as pushed: its media type and exact bytes, the blobs it references (config first) and, for an
     * index, the child manifests (which must be pushed before it).
     */
    public record Image(String mediaType, byte[] bytes, List<Blob> blobs, List<Image> children) {
        public Digest digest() {
            return Digest.sha256(bytes);
        }

        public int size() {
            return bytes.length;
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The same references with other bytes (e.g. reformatted JSON). */
        public Image withBytes(byte[] other) {
            return new Image(mediaType, other, blobs, children);
        }

        /** The child for a platform such as {@code linux/amd64} (children follow {@link #PLATFORMS}). */
        public Image child(String platform) {
            return children.get(PLATFORMS.indexOf(platform));
        }
    }

    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** A random layer of this size. */
    public static Blob layer(int size) {
        return new Blob(MediaTypes.OCI_LAYER_GZIP, randomBytes(size));
    }

    /** A small, unique image config of this media type. */
    public static Blob config(String mediaType) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("architecture", "amd64");
        config.put("os", "linux");
        config.put("config", Map.of("Labels", Map.of("nonce", Long.toHexString(ThreadLocalRandom.current().nextLong()))));
        config.put("rootfs", Map.of("type", "layers", "diff_ids", List.of()));
        return new Blob(mediaType, write(config));
    }

    /** A Docker schema 2 image with a Docker config and one small layer. */
    public static Image dockerImage() {
        return image(MediaTypes.DOCKER_MANIFEST, 1, 64);
    }

    /** An OCI image with an OCI config and one small layer. */
    public static Image ociImage() {
        return image(MediaTypes.OCI_MANIFEST, 1, 64);
    }

    /** An image manifest (Docker or OCI) with a fresh config and {@code layers} random layers of {@code layerSize} bytes. */
    public static Image image(String mediaType, int layers, int layerSize) {
        boolean docker = MediaTypes.DOCKER_MANIFEST.equals(mediaType);
        Blob config = config(docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG);
        List<Blob> blobs = new ArrayList<>();
        blobs.add(config);
        for (int i = 0; i < layers; i++) {
            Blob layer = layer(layerSize);
            blobs.add(docker ? new Blob(MediaTypes.DOCKER_LAYER_GZIP, layer.bytes()) : layer);
        }
        return imageOf(mediaType, blobs, null, null, Map.of());
    }

    /** An image manifest (Docker or OCI) of exactly this config and these layers. */
    public static Image image(String mediaType, Blob config, Blob... layers) {
        List<Blob> blobs = new ArrayList<>();
        blobs.add(config);
        blobs.addAll(List.of(layers));
        return imageOf(mediaType, blobs, null, null, Map.of());
    }

    /** Any of the four manifest types: an image for the image types, a two-platform index for the index types. */
    public static Image ofType(String mediaType) {
        return switch (mediaType) {
            case MediaTypes.DOCKER_MANIFEST_LIST -> index(mediaType, dockerImage(), dockerImage());
            case MediaTypes.OCI_INDEX -> index(mediaType, ociImage(), ociImage());
            default -> image(mediaType, 1, 64);
        };
    }

    /**
     * An OCI artifact manifest referring to {@code subject}: empty config, one small layer, the artifact type and
     * annotations given.
     */
    public static Image artifact(Digest subject, long subjectSize, String artifactType, Map<String, String> annotations) {
        List<Blob> blobs = List.of(new Blob(MediaTypes.OCI_EMPTY, "{}".getBytes(StandardCharsets.UTF_8)), layer(32));
        Map<String, Object> subjectDescriptor = descriptor(MediaTypes.OCI_MANIFEST, subject, subjectSize);
        return imageOf(MediaTypes.OCI_MANIFEST, blobs, artifactType, subjectDescriptor, annotations);
    }

    /** An artifact referring to an image. */
    public static Image artifact(Image subject, String artifactType, Map<String, String> annotations) {
        return artifact(subject.digest(), subject.size(), artifactType, annotations);
    }

    /** A Docker manifest list or OCI index of these children, given the platforms of {@link #PLATFORMS} in order. */
    public static Image index(String mediaType, Image... children) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < children.length; i++) {
            Map<String, Object> entry = descriptor(children[i].mediaType(), children[i].digest(), children[i].size());
            String[] platform = PLATFORMS.get(i).split("/");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("architecture", platform[1]);
            p.put("os", platform[0]);
            if (platform.length > 2) {
                p.put("variant", platform[2]);
            }
            entry.put("platform", p);
            entries.add(entry);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", mediaType);
        index.put("manifests", entries);
        return new Image(mediaType, write(index), List.of(), List.of(children));
    }

    /** A descriptor as a JSON object. */
    public static Map<String, Object> descriptor(String mediaType, Digest digest, long size) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest.toString());
        descriptor.put("size", size);
        return descriptor;
    }

    /** Compact JSON of a map built in insertion order. */
    public static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Image imageOf(String mediaType, List<Blob> blobs, String artifactType, Map<String, Object> subject,
                                 Map<String, String> annotations) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", mediaType);
        if (artifactType != null) {
            manifest.put("artifactType", artifactType);
        }
        manifest.put("config", blobs.get(0).descriptor());
        manifest.put("layers", blobs.subList(1, blobs.size()).stream().map(Blob::descriptor).toList());
        if (subject != null) {
            manifest.put("subject", subject);
        }
        if (!annotations.isEmpty()) {
            manifest.put("annotations", annotations);
        }
        return new Image(mediaType, write(manifest), List.copyOf(blobs), List.of());
    }
}
