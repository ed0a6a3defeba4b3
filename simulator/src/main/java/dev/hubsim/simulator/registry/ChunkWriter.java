package dev.hubsim.simulator.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams a request body onto the end of an upload's scratch file. A push is bound by three costs of similar size:
 * reading the socket, writing the file and hashing. For bodies larger than one buffer they run as a pipeline on
 * three threads from the first buffer on (the request thread reads; a writer writes; a hasher hashes what was
 * written), with a bounded number of buffers ({@value #BUFFERS} of {@value #BUFFER_SIZE} bytes) per upload. Bytes
 * read before a broken connection are still written and hashed, so the upload can resume from them.
 */
final class ChunkWriter {
    private static final int BUFFER_SIZE = 1024 * 1024;
    private static final int BUFFERS = 4;
    private static final ExecutorService STAGES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hubsim-upload-stage");
        thread.setDaemon(true);
        return thread;
    });

    private ChunkWriter() {
    }

    /** Appends the whole body to the upload, updating its size and running digest. */
    static void append(InputStream body, Upload upload) throws IOException {
        try (FileChannel out = FileChannel.open(upload.file(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            byte[] first = new byte[BUFFER_SIZE];
            Fill fill = Fill.from(body, first);
            if (fill.endOfStream()) {
                write(out, first, fill.length());
                upload.addSize(fill.length());
                upload.sha256().update(first, 0, fill.length());
                fill.rethrow();
            } else {
                pipelined(body, out, upload, new Chunk(first, fill.length()));
            }
        }
    }

    /** Writes and hashes {@code first} while the rest of the body is read. */
    private static void pipelined(InputStream body, FileChannel out, Upload upload, Chunk first) throws IOException {
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<Chunk> toWrite = new ArrayBlockingQueue<>(BUFFERS + 1);
        BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
        toWrite.add(first);
        for (int i = 1; i < BUFFERS; i++) {
            free.add(new byte[BUFFER_SIZE]);
        }
        Future<IOException> writer = STAGES.submit(() -> {
            IOException failure = null;
            for (Chunk chunk = toWrite.take(); chunk != Chunk.END; chunk = toWrite.take()) {
                if (failure != null) {
                    free.put(chunk.bytes());
                    continue;
                }
                try {
                    write(out, chunk.bytes(), chunk.length());
                    upload.addSize(chunk.length());
                    toHash.put(chunk);
                } catch (IOException e) {
                    failure = e;
                    free.put(chunk.bytes());
                }
            }
            toHash.put(Chunk.END);
            return failure;
        });
        Future<?> hasher = STAGES.submit(() -> {
            for (Chunk chunk = toHash.take(); chunk != Chunk.END; chunk = toHash.take()) {
                upload.sha256().update(chunk.bytes(), 0, chunk.length());
                free.put(chunk.bytes());
            }
            return null;
        });
        Fill fill = null;
        IOException writeFailure;
        try {
            do {
                byte[] buffer = free.take();
                fill = Fill.from(body, buffer);
                toWrite.put(new Chunk(buffer, fill.length()));
            } while (!fill.endOfStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fill = new Fill(0, true, new InterruptedIOException("upload interrupted"));
        } finally {
            writeFailure = drain(toWrite, writer, hasher);
        }
        if (writeFailure != null) {
            throw writeFailure;
        }
        fill.rethrow();
    }

    /**
     * Ends the pipeline and waits, even when interrupted, until every byte handed over is written and hashed: no
     * stage may touch the upload after {@link #append} returns. The end marker always fits, since at most
     * {@value #BUFFERS} chunks are in flight.
     */
    private static IOException drain(BlockingQueue<Chunk> toWrite, Future<IOException> writer, Future<?> hasher) {
        toWrite.offer(Chunk.END);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    IOException failure = writer.get();
                    hasher.get();
                    return failure;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("an upload pipeline stage failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void write(FileChannel out, byte[] buffer, int length) throws IOException {
        ByteBuffer wrapper = ByteBuffer.wrap(buffer, 0, length);
        while (wrapper.hasRemaining()) {
            out.write(wrapper);
        }
    }

    /** A buffer moving through the pipeline; {@link #END} closes it. */
    private record Chunk(byte[] bytes, int length) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    /** The outcome of filling one buffer: how many bytes, whether the body ended, and a read failure to rethrow once the bytes are kept. */
    private record Fill(int length, boolean endOfStream, IOException failure) {
        static Fill from(InputStream body, byte[] buffer) {
            int length = 0;
            try {
                while (length < buffer.length) {
                    int n = body.read(buffer, length, buffer.length - length);
                    if (n < 0) {
                        return new Fill(length, true, null);
                    }
                    length += n;
                }
                return new Fill(length, false, null);
            } catch (IOException e) {
                return new Fill(length, true, e);
            } catch (RuntimeException e) {
                return new Fill(length, true, new IOException("reading the request body failed", e));
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
