package dev.hubsim.dsl;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** One layer of an image built by a script: {@code layer bytes(5.MB)} or {@code layer file('app.tar.gz')}. */
public sealed interface Layer permits Layer.SyntheticBytes, Layer.LayerFile {

    /**
     * A tar holding one file of {@code size} pseudo-random bytes; the bytes derive from the image reference and the
     * layer's position, so the same script gives the same digests on every run.
     */
    record SyntheticBytes(long size) implements Layer {
        public SyntheticBytes {
            if (size < 0) {
                throw new DslException("a layer cannot have a negative size, got " + size);
            }
        }
    }

    /** A layer from a file: a {@code .tar}, or a gzipped tar ({@code .tar.gz} or {@code .tgz}). */
    record LayerFile(Path path) implements Layer {
        public LayerFile {
            Objects.requireNonNull(path, "path");
            if (!isTar(path) && !isGzip(path)) {
                throw new DslException("a layer file must be a .tar, .tar.gz or .tgz, got " + path.getFileName());
            }
        }

        /** True for a gzipped tar. */
        public boolean gzipped() {
            return isGzip(path);
        }

        private static boolean isTar(Path path) {
            return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tar");
        }

        private static boolean isGzip(Path path) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".tar.gz") || name.endsWith(".tgz");
        }
    }
}
