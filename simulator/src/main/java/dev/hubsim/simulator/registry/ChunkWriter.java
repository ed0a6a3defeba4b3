package dev.hubsim.simulator.registry;

import dev.hubsim.simulator.storage.DirectBuffers;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
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
 * written), with a bounded number of buffers ({@value #BUFFERS} direct buffers from {@link DirectBuffers#SHARED})
 * per upload. A body that is also a {@link ReadableByteChannel} is read straight into them, so the bytes are not
 * copied through byte arrays on their way to the file. Bytes read before a broken connection are still written and
 * hashed, so the upload can resume from them.
 */
final class ChunkWriter {
    private static final int BUFFERS = 4;
    private static final DirectBuffers POOL = DirectBuffers.SHARED;
    /** Closes the pipeline's queues. */
    private static final ByteBuffer END = ByteBuffer.allocate(0);
    private static final ExecutorService STAGES = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hubsim-upload-stage");
        thread.setDaemon(true);
        return thread;
    });

    private ChunkWriter() {
    }

    /** Appends the whole body to the upload, updating its size and running digest. */
    static void append(InputStream body, Upload upload) throws IOException {
        ReadableByteChannel source = body instanceof ReadableByteChannel channel ? channel : Channels.newChannel(body);
        try (FileChannel out = FileChannel.open(upload.file(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer first = POOL.take();
            Fill fill = Fill.from(source, first);
            if (fill.endOfStream()) {
                try {
                    writeAndHash(out, first, upload);
                } finally {
                    POOL.give(first);
                }
                fill.rethrow();
            } else {
                pipelined(source, out, upload, first);
            }
        }
    }

    private static void writeAndHash(FileChannel out, ByteBuffer chunk, Upload upload) throws IOException {
        write(out, chunk);
        upload.addSize(chunk.limit());
        upload.sha256().update(chunk.flip());
    }

    /** Writes and hashes {@code first} while the rest of the body is read. */
    private static void pipelined(ReadableByteChannel source, FileChannel out, Upload upload, ByteBuffer first)
            throws IOException {
        BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<ByteBuffer> toWrite = new ArrayBlockingQueue<>(BUFFERS + 1);
        BlockingQueue<ByteBuffer> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
        toWrite.add(first);
        for (int i = 1; i < BUFFERS; i++) {
            free.add(POOL.take());
        }
        Future<IOException> writer = STAGES.submit(() -> {
            IOException failure = null;
            for (ByteBuffer chunk = toWrite.take(); chunk != END; chunk = toWrite.take()) {
                if (failure != null) {
                    free.put(chunk.clear());
                    continue;
                }
                try {
                    write(out, chunk);
                    upload.addSize(chunk.limit());
                    toHash.put(chunk.flip());
                } catch (IOException e) {
                    failure = e;
                    free.put(chunk.clear());
                }
            }
            toHash.put(END);
            return failure;
        });
        Future<?> hasher = STAGES.submit(() -> {
            for (ByteBuffer chunk = toHash.take(); chunk != END; chunk = toHash.take()) {
                upload.sha256().update(chunk);
                free.put(chunk.clear());
            }
            return null;
        });
        Fill fill = null;
        IOException writeFailure;
        try {
            do {
                ByteBuffer buffer = free.take();
                fill = Fill.from(source, buffer);
                toWrite.put(buffer);
            } while (!fill.endOfStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fill = new Fill(true, new InterruptedIOException("upload interrupted"));
        } finally {
            writeFailure = drain(toWrite, writer, hasher);
            free.forEach(POOL::give);
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
    private static IOException drain(BlockingQueue<ByteBuffer> toWrite, Future<IOException> writer, Future<?> hasher) {
        toWrite.offer(END);
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

    /** Writes a filled buffer (position at its end) whole; afterwards its position is back at its end. */
    private static void write(FileChannel out, ByteBuffer chunk) throws IOException {
        chunk.flip();
        while (chunk.hasRemaining()) {
            out.write(chunk);
        }
    }

    /** The outcome of filling one buffer: whether the body ended, and a read failure to rethrow once the bytes are kept. */
    private record Fill(boolean endOfStream, IOException failure) {
        /** Reads into {@code buffer} until it is full or the body ends; the buffer's position is the byte count. */
        static Fill from(ReadableByteChannel source, ByteBuffer buffer) {
            try {
                while (buffer.hasRemaining()) {
                    if (source.read(buffer) < 0) {
                        return new Fill(true, null);
                    }
                }
                return new Fill(false, null);
            } catch (IOException e) {
                return new Fill(true, e);
            } catch (RuntimeException e) {
                return new Fill(true, new IOException("reading the request body failed", e));
            }
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
