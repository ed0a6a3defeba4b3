package dev.hubsim.dsl;

import dev.hubsim.core.manifest.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The block of {@code image('alice/app:1') { ... }}: the layers, platforms and labels of an image a script builds.
 * <pre>{@code
 * image('alice/app:1') { layer bytes(5.MB); layer file('app.tar.gz'); platform 'linux/amd64'; label 'team', 'web' }
 * }</pre>
 */
public final class ImageSpec {
    private final Path baseDirectory;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Platform> platforms = new ArrayList<>();
    private final Map<String, String> labels = new TreeMap<>();

    ImageSpec(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    /** Adds a layer on top of the ones before. */
    public void layer(Layer layer) {
        layers.add(Objects.requireNonNull(layer, "layer"));
    }

    /** A layer of {@code size} deterministic pseudo-random bytes, e.g. {@code bytes(5.MB)}. */
    public Layer bytes(long size) {
        return new Layer.SyntheticBytes(size);
    }

    /** A layer from a {@code .tar} or {@code .tar.gz} file, relative to the script's directory. */
    public Layer file(String path) {
        Path file = baseDirectory.resolve(path).normalize();
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new DslException("no such layer file: " + file);
        }
        return new Layer.LayerFile(file);
    }

    /** A platform such as {@code linux/amd64} or {@code linux/arm64/v8}; more than one makes an image index. */
    public void platform(String platform) {
        try {
            platforms.add(Platform.parse(platform));
        } catch (IllegalArgumentException e) {
            throw new DslException(e.getMessage(), e);
        }
    }

    /** A label in the image config, e.g. {@code label 'org.opencontainers.image.version', '1.0'}. */
    public void label(String key, String value) {
        labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of label " + key));
    }

    /** Several labels at once: {@code label team: 'web', tier: 'front'}. */
    public void label(Map<String, ?> more) {
        more.forEach((key, value) -> label(key, String.valueOf(value)));
    }

    List<Layer> layers() {
        return layers.isEmpty() ? List.of(new Layer.SyntheticBytes(1L << 20)) : List.copyOf(layers);
    }

    List<Platform> platforms() {
        return platforms.isEmpty() ? List.of(Platform.parse("linux/amd64")) : List.copyOf(platforms);
    }

    Map<String, String> labels() {
        return Map.copyOf(labels);
    }
}
