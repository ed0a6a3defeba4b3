package dev.hubsim.core.manifest;

import java.util.List;
import java.util.Objects;

/**
 * The platform of an index entry (OCI image-index.md): {@code os}, {@code architecture}, optional {@code variant},
 * {@code os.version} and {@code os.features}.
 */
public record Platform(String architecture, String os, String variant, String osVersion, List<String> osFeatures) {

    public Platform {
        requireNonBlank(architecture, "architecture");
        requireNonBlank(os, "os");
        osFeatures = osFeatures == null ? List.of() : List.copyOf(osFeatures);
    }

    /** Parses {@code os/architecture[/variant]}, e.g. {@code linux/amd64} or {@code linux/arm64/v8}. */
    public static Platform parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").split("/", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
            throw new IllegalArgumentException("invalid platform \"" + text + "\": expected os/architecture[/variant]");
        }
        return new Platform(parts[1], parts[0], parts.length == 3 ? parts[2] : null, null, List.of());
    }

    /** {@code os/architecture[/variant]}, e.g. {@code linux/arm64/v8}. */
    @Override
    public String toString() {
        return os + "/" + architecture + (variant != null ? "/" + variant : "");
    }

    private static void requireNonBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("platform " + field + " is required");
        }
    }
}
