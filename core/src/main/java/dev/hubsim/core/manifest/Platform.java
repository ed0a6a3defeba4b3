package dev.hubsim.core.manifest;

import java.util.List;
import java.util.Locale;
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

    /**
     * The platform of images for a JVM with these {@code os.name} and {@code os.arch} values, in OCI (Go) names:
     * {@code amd64}, {@code arm64}, {@code 386}, {@code arm}, ... The OS is {@code windows} on Windows and
     * {@code linux} everywhere else: container images run on Linux (Docker Desktop on macOS runs Linux images).
     */
    public static Platform ofRuntime(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).startsWith("windows") ? "windows" : "linux";
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "386";
            case "arm", "arm32", "aarch32" -> "arm";
            case "ppc64le", "powerpc64le" -> "ppc64le";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return new Platform(arch, os, null, null, List.of());
    }

    /**
     * True when an image of this platform runs where {@code wanted} is asked for: same OS and architecture, and the
     * same variant when {@code wanted} names one ({@code arm64} without a variant counts as {@code v8}).
     */
    public boolean satisfies(Platform wanted) {
        if (!os.equals(wanted.os) || !architecture.equals(wanted.architecture)) {
            return false;
        }
        return wanted.variant == null || wanted.variant.equals(effectiveVariant());
    }

    private String effectiveVariant() {
        return variant == null && "arm64".equals(architecture) ? "v8" : variant;
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
