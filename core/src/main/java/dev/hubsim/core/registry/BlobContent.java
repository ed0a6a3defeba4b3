package dev.hubsim.core.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the bytes of a blob to push come from. Content larger than the client's chunk size is uploaded with PATCH:
 * {@link Reopenable} content (a file) is streamed from its source in one PATCH, and read again from the registry's
 * offset to resume a failed one; other content goes through one chunk buffer, one PATCH per chunk. {@link #open()} is
 * called at most once per push, except on {@link Reopenable} content.
 */
@FunctionalInterface
public interface BlobContent {

    /** A fresh stream of the blob's bytes; the push closes it. */
    InputStream open() throws IOException;

    /** The content of a file, read as it is sent, and again from the registry's offset to resume a failed PATCH. */
    static Reopenable of(Path file) {
        Objects.requireNonNull(file, "file");
        return new Reopenable() {
            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public InputStream open(long offset) throws IOException {
                return Channels.newInputStream(FileChannel.open(file).position(offset));
            }
        };
    }

    /** Bytes already in memory (small blobs, configs), sent like a stream: through the chunk buffer. */
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

    /** Content of known size that can be read again, from any offset: a file. */
    interface Reopenable extends BlobContent {

        /** The content's size in bytes. */
        long size() throws IOException;

        /** A fresh stream of the content from byte {@code offset} on; the push closes it. */
        InputStream open(long offset) throws IOException;

        @Override
        default InputStream open() throws IOException {
            return open(0);
        }
    }
}
