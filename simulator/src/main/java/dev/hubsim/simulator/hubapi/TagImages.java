package dev.hubsim.simulator.hubapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.manifest.Manifest;
import dev.hubsim.core.manifest.Platform;
import dev.hubsim.core.reference.Digest;
import dev.hubsim.simulator.registry.RegistryException;
import dev.hubsim.simulator.registry.RegistryState;
import dev.hubsim.simulator.registry.StoredManifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The images of a tag as the Hub API lists them: an index gives one image per child manifest with the platform its
 * descriptor names; a single manifest gives one image whose platform is read from its config blob (streamed, only
 * the top-level {@code architecture}, {@code os}, {@code variant} and {@code os.version}). An image's size is the
 * sum of its compressed layers. Index children without a real platform ({@code unknown/unknown}: build
 * attestations) are left out, as Docker Hub's tag view does not list them.
 */
final class TagImages {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Platform UNKNOWN = new Platform("unknown", "unknown", null, null, List.of());

    private final RegistryState registry;

    TagImages(RegistryState registry) {
        this.registry = registry;
    }

    /** One image: its platform, manifest digest and compressed size. */
    record Image(Platform platform, Digest digest, long size) {
    }

    List<Image> of(String repository, StoredManifest manifest) {
        if (!manifest.model().isIndex()) {
            return List.of(new Image(platformOf(repository, manifest.model()), manifest.digest(), size(manifest.model())));
        }
        List<Image> images = new ArrayList<>();
        for (Descriptor child : manifest.model().manifests()) {
            Optional<StoredManifest> stored = registry.manifest(repository, child.digest());
            Platform platform = child.platform() != null ? child.platform()
                    : stored.map(s -> platformOf(repository, s.model())).orElse(UNKNOWN);
            if (!"unknown".equals(platform.os())) {
                images.add(new Image(platform, child.digest(), stored.map(s -> size(s.model())).orElse(0L)));
            }
        }
        return images;
    }

    private static long size(Manifest model) {
        return model.layers().stream().mapToLong(Descriptor::size).sum();
    }

    private Platform platformOf(String repository, Manifest model) {
        if (model.config() == null) {
            return UNKNOWN;
        }
        try (FileChannel channel = registry.openBlob(repository, model.config().digest());
             InputStream in = Channels.newInputStream(channel);
             JsonParser parser = JSON.createParser(in)) {
            return readPlatform(parser);
        } catch (IOException | RegistryException e) {
            return UNKNOWN;
        }
    }

    private static Platform readPlatform(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return UNKNOWN;
        }
        String architecture = null;
        String os = null;
        String variant = null;
        String osVersion = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                switch (field) {
                    case "architecture" -> architecture = parser.getText();
                    case "os" -> os = parser.getText();
                    case "variant" -> variant = parser.getText();
                    case "os.version" -> osVersion = parser.getText();
                    default -> {
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        if (architecture == null || architecture.isBlank() || os == null || os.isBlank()) {
            return UNKNOWN;
        }
        return new Platform(architecture, os, variant, osVersion, List.of());
    }
}
