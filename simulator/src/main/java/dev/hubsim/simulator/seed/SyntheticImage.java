package dev.hubsim.simulator.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.registry.RegistryState;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a seeded image in the registry: per platform, layers of the requested sizes (see {@link SyntheticLayer}),
 * a config naming the platform and the layers' diff ids, and an OCI manifest; with several platforms, an OCI index
 * under the tag. Everything derives from the description, so the digests are the same on every run.
 */
final class SyntheticImage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = "2024-01-01T00:00:00Z";

    private SyntheticImage() {
    }

    static void push(RegistryState registry, ImageReference reference, Seed.Image image) {
        if (reference.tag() == null) {
            throw new IllegalArgumentException("seeded image " + reference + " needs a tag");
        }
        String repository = reference.repository();
        List<Long> sizes = image.layers().stream().map(ByteSize::parse).toList();
        List<Map<String, Object>> children = new ArrayList<>();
        for (String platformText : image.platforms()) {
            Platform platform = Platform.parse(platformText);
            byte[] manifest = imageManifest(registry, repository, reference + "/" + platform, platform, sizes);
            if (image.platforms().size() == 1) {
                registry.putManifest(repository, reference.tag(), manifest, MediaTypes.OCI_MANIFEST, List.of());
                return;
            }
            Digest digest = Digest.sha256(manifest);
            registry.putManifest(repository, digest.toString(), manifest, MediaTypes.OCI_MANIFEST, List.of());
            Map<String, Object> child = descriptor(MediaTypes.OCI_MANIFEST, digest, manifest.length);
            child.put("platform", platform(platform));
            children.add(child);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", children);
        registry.putManifest(repository, reference.tag(), json(index), MediaTypes.OCI_INDEX, List.of());
    }

    private static byte[] imageManifest(RegistryState registry, String repository, String seedName, Platform platform,
                                        List<Long> sizes) {
        List<Map<String, Object>> layers = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            SyntheticLayer layer = new SyntheticLayer("layer-" + i + ".bin", sizes.get(i), seedOf(seedName + "/" + i));
            long length = layer.length();
            Digest digest = registry.importBlob(repository, layer);
            layers.add(descriptor(MediaTypes.OCI_LAYER_TAR, digest, length));
            diffIds.add(digest.toString());
        }
        Map<String, Object> config = new LinkedHashMap<>(platform(platform));
        config.put("created", CREATED);
        config.put("config", Map.of("Labels", Map.of("dev.hubsim.synthetic", "true")));
        config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        byte[] configBytes = json(config);
        Digest configDigest = registry.importBlob(repository, new ByteArrayInputStream(configBytes));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.put("config", descriptor(MediaTypes.OCI_CONFIG, configDigest, configBytes.length));
        manifest.put("layers", layers);
        return json(manifest);
    }

    private static Map<String, Object> descriptor(String mediaType, Digest digest, long size) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("mediaType", mediaType);
        descriptor.put("digest", digest.toString());
        descriptor.put("size", size);
        return descriptor;
    }

    private static Map<String, Object> platform(Platform platform) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("architecture", platform.architecture());
        fields.put("os", platform.os());
        if (platform.variant() != null) {
            fields.put("variant", platform.variant());
        }
        return fields;
    }

    private static long seedOf(String name) {
        return ByteBuffer.wrap(Digest.sha256(name.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16)
                .getBytes(StandardCharsets.US_ASCII)).getLong();
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a synthetic manifest", e);
        }
    }
}
