package dev.hubsim.simulator.http;

import dev.hubsim.simulator.storage.DirectBuffers;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Sends a slice of a blob file to a response through one pooled direct buffer: memory stays flat whatever the blob
 * size, and Jetty writes a direct buffer to the socket without another copy. (Reading ahead on a second thread was
 * measured and gained nothing: the socket, not the file, sets the pace.)
 */
final class BlobSender {
    private BlobSender() {
    }

    /** Writes {@code length} bytes of {@code file} from {@code start} to {@code out}. */
    static void send(FileChannel file, long start, long length, OutputStream out) throws IOException {
        BufferSink sink = sinkFor(out);
        ByteBuffer buffer = DirectBuffers.SHARED.take();
        try {
            long end = start + length;
            for (long position = start; position < end; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int n = file.read(buffer, position);
                if (n < 0) {
                    throw new IOException("blob file ended " + (end - position) + " bytes early");
                }
                sink.write(buffer.flip());
                position += n;
            }
        } finally {
            DirectBuffers.SHARED.give(buffer);
        }
    }

    /** Jetty's output takes a direct buffer as it is; any other stream gets it through a channel adapter. */
    private static BufferSink sinkFor(OutputStream out) {
        if (out instanceof HttpOutput jetty) {
            return jetty::write;
        }
        WritableByteChannel channel = Channels.newChannel(out);
        return buffer -> {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        };
    }

    /** Writes the whole of a buffer. */
    private interface BufferSink {
        void write(ByteBuffer buffer) throws IOException;
    }
}
