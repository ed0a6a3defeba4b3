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
        return new CountingStream(new BlobCount(blob), in, 0);
    }

    /**
     * {@code content}, whose streams count the bytes read from them into the totals the first time only (a resumed
     * upload reads some again); reports {@link Kind#STARTED} when first opened.
     */
    BlobContent.Reopenable counting(Descriptor blob, BlobContent.Reopenable content) {
        BlobCount count = new BlobCount(blob);
        return new BlobContent.Reopenable() {
            @Override
            public long size() throws IOException {
                return content.size();
            }

            @Override
            public InputStream open(long offset) throws IOException {
                if (!count.started) {
                    count.started = true;
                    report(blob, Kind.STARTED, 0, 0);
                }
                return new CountingStream(count, content.open(offset), offset);
            }
        };
    }

    private synchronized void report(Descriptor blob, Kind kind, long blobBytes, long delta) {
        totalBytes += delta;
        listener.onProgress(new TransferEvent(blob.digest(), kind, blobBytes, blob.size(), totalBytes, totalSize));
    }

    /** How far the bytes of one blob have been counted: its streams are read one at a time. */
    private static final class BlobCount {
        private final Descriptor blob;
        private boolean started;
        private long counted;
        private long unreported;

        private BlobCount(Descriptor blob) {
            this.blob = blob;
        }
    }

    /** A stream from {@code position} in a blob that adds the bytes read through it past the blob's count to the totals. */
    private final class CountingStream extends FilterInputStream {
        private final BlobCount count;
        private long position;

        private CountingStream(BlobCount count, InputStream in, long position) {
            super(in);
            this.count = count;
            this.position = position;
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
            position += n;
            if (position > count.counted) {
                count.unreported += position - count.counted;
                count.counted = position;
                if (count.unreported >= REPORT_EVERY) {
                    flush();
                }
            }
        }

        private void flush() {
            if (count.unreported > 0) {
                long delta = count.unreported;
                count.unreported = 0;
                report(count.blob, Kind.PROGRESS, count.counted, delta);
            }
        }
    }
}
