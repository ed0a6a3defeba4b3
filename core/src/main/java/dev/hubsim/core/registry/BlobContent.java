package dev.hubsim.core.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** Where the bytes of a blob to push come from. {@link #open()} is called at most once per push. */
@FunctionalInterface
public interface BlobContent {

    /** A fresh stream of the blob's bytes; the push closes it. */
    InputStream open() throws IOException;

    /** The content of a file, read as it is sent. */
    static BlobContent of(Path file) {
        Objects.requireNonNull(file, "file");
        return () -> Files.newInputStream(file);
    }

    /** Bytes already in memory (small blobs, configs). */
    static BlobContent of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new ByteArrayInputStream(copy);
    }

    /** A stream that can be read only once; a second open fails. */
    static BlobContent once(InputStream stream) {
        Objects.requireNonNull(stream, "stream");
        AtomicBoolean opened = new AtomicBoolean();
        return () -> {
            if (opened.getAndSet(true)) {
                throw new IOException("this blob content is a one-shot stream and was already read");
            }
            return stream;
        };
    }
}
