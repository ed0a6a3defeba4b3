package dev.hubsim.dsl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.MediaTypes;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.oci.OciImageLayout;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.core.reference.DigestAlgorithm;
import dev.hubsim.core.reference.ImageReference;
import dev.hubsim.simulator.seed.SyntheticLayer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Writes the image an {@link ImageSpec} describes into an OCI layout: each layer streamed twice (once to hash it, once
 * to write it), so no layer is held in memory; a config per platform with the labels and diff ids; an OCI manifest
 * per platform, and an OCI index over them when there are several. Everything derives from the description.
 */
final class ImageLayoutWriter {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String CREATED = "2024-01-01T00:00:00Z";

    private ImageLayoutWriter() {
    }

    static BuiltImage write(ImageReference reference, ImageSpec spec, Path directory) {
        OciImageLayout layout = OciImageLayout.create(directory);
        String seedName = reference.repository() + ":" + (reference.tag() == null ? "latest" : reference.tag());
        List<Descriptor> layers = new ArrayList<>();
        List<String> diffIds = new ArrayList<>();
        List<Layer> specLayers = spec.layers();
        for (int i = 0; i < specLayers.size(); i++) {
            LayerContent content = content(specLayers.get(i), seedName + "/" + i, i);
            Digest digest = digest(content.opener(), false);
            long size;
            try (InputStream in = content.opener().open()) {
                size = layout.writeBlob(digest, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a layer: " + e.getMessage(), e);
            }
            layers.add(Descriptor.of(content.mediaType(), digest, size));
            diffIds.add((MediaTypes.OCI_LAYER_GZIP.equals(content.mediaType()) ? digest(content.opener(), true) : digest).toString());
        }
        List<Platform> platforms = spec.platforms();
        List<Map<String, Object>> children = new ArrayList<>();
        Descriptor top = null;
        for (Platform platform : platforms) {
            byte[] config = json(config(platform, spec.labels(), diffIds));
            Descriptor configDescriptor = Descriptor.of(MediaTypes.OCI_CONFIG, layout.writeBlob(config), config.length);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.put("config", descriptor(configDescriptor));
            manifest.put("layers", layers.stream().map(ImageLayoutWriter::descriptor).toList());
            byte[] bytes = json(manifest);
            top = Descriptor.of(MediaTypes.OCI_MANIFEST, layout.writeBlob(bytes), bytes.length);
            Map<String, Object> child = descriptor(top);
            child.put("platform", platform(platform));
            children.add(child);
        }
        if (platforms.size() > 1) {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("schemaVersion", 2);
            index.put("mediaType", MediaTypes.OCI_INDEX);
            index.put("manifests", children);
            byte[] bytes = json(index);
            top = Descriptor.of(MediaTypes.OCI_INDEX, layout.writeBlob(bytes), bytes.length);
        }
        String name = reference.tag() == null ? "latest" : reference.tag();
        layout.name(name, top);
        return new BuiltImage(reference, directory, name, top.digest(), layers.stream().map(Descriptor::digest).toList(),
                layers.stream().mapToLong(Descriptor::size).sum());
    }

    private static Map<String, Object> config(Platform platform, Map<String, String> labels, List<String> diffIds) {
        Map<String, Object> config = new LinkedHashMap<>(platform(platform));
        config.put("created", CREATED);
        config.put("config", Map.of("Labels", new java.util.TreeMap<>(labels)));
        config.put("rootfs", Map.of("type", "layers", "diff_ids", diffIds));
        return config;
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

    private static Map<String, Object> descriptor(Descriptor descriptor) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mediaType", descriptor.mediaType());
        fields.put("digest", descriptor.digest().toString());
        fields.put("size", descriptor.size());
        return fields;
    }

    private static Digest digest(Opener opener, boolean uncompressed) {
        try (InputStream raw = opener.open(); InputStream in = uncompressed ? new GZIPInputStream(raw) : raw) {
            return Digest.of(DigestAlgorithm.SHA256, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a layer: " + e.getMessage(), e);
        }
    }

    private static LayerContent content(Layer layer, String seedName, int position) {
        if (layer instanceof Layer.LayerFile file) {
            return new LayerContent(file.gzipped() ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER_TAR,
                    () -> Files.newInputStream(file.path()));
        }
        long size = ((Layer.SyntheticBytes) layer).size();
        long seed = seedOf(seedName);
        return new LayerContent(MediaTypes.OCI_LAYER_TAR, () -> new SyntheticLayer("layer-" + position + ".bin", size, seed));
    }

    private static long seedOf(String name) {
        return ByteBuffer.wrap(Digest.sha256(name.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16)
                .getBytes(StandardCharsets.US_ASCII)).getLong();
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an image's JSON", e);
        }
    }

    /** Opens a layer's bytes afresh each time. */
    @FunctionalInterface
    private interface Opener {
        InputStream open() throws IOException;
    }

    private record LayerContent(String mediaType, Opener opener) {
    }
}
