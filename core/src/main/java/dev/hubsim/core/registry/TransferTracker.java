package dev.hubsim.core.registry;

import dev.hubsim.core.manifest.Descriptor;
import dev.hubsim.core.registry.TransferEvent.Kind;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of one image transfer and tells a {@link TransferListener}, one call at a time (the lock also
 * keeps totals in order). Streams report every {@value #REPORT_EVERY} bytes, not every read.
 */
final class TransferTracker {
    private static final int REPORT_EVERY = 256 * 1024;

    private final TransferListener listener;
    private final long totalSize;
    private long totalBytes;

    TransferTracker(TransferListener listener, long totalSize) {
        this.listener = listener;
        this.totalSize = totalSize;
    }

    /** The destination already has the blob. */
    void skipped(Descriptor blob) {
        report(blob, Kind.SKIPPED, blob.size(), blob.size());
    }

    /** The registry mounted the blob from another repository. */
    void mounted(Descriptor blob) {
        report(blob, Kind.MOUNTED, blob.size(), blob.size());
    }

    /** The blob is complete: its {@link #counting} stream (if any) is closed. */
    void completed(Descriptor blob) {
        report(blob, Kind.COMPLETED, blob.size(), 0);
    }

    /**
     * {@code in}, counting the bytes read from it into the totals (reported at the latest when it is closed); reports
     * {@link Kind#STARTED} now.
     */
    InputStream counting(Descriptor blob, InputStream in) {
        report(blob, Kind.STARTED, 0, 0);
        return new CountingStream(blob, in);
    }

    private synchronized void report(Descriptor blob, Kind kind, long blobBytes, long delta) {
        totalBytes += delta;
        listener.onProgress(new TransferEvent(blob.digest(), kind, blobBytes, blob.size(), totalBytes, totalSize));
    }

    /** A stream that adds what is read through it to the totals. */
    private final class CountingStream extends FilterInputStream {
        private final Descriptor blob;
        private long count;
        private long unreported;

        private CountingStream(Descriptor blob, InputStream in) {
            super(in);
            this.blob = blob;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a counted transfer stream is read, not skipped");
        }

        @Override
        public void close() throws IOException {
            flush();
            super.close();
        }

        private void add(int n) {
            count += n;
            unreported += n;
            if (unreported >= REPORT_EVERY) {
                flush();
            }
        }

        private void flush() {
            if (unreported > 0) {
                long delta = unreported;
                unreported = 0;
                report(blob, Kind.PROGRESS, count, delta);
            }
        }
    }
}
