package dev.hubsim.simulator.fault;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The response body of a request a body fault fired on, between the route and Jetty. It streams (never holds more
 * than the route's own buffer): a throttle writes slices and waits, a truncation or reset writes up to its limit and
 * cuts the connection, a digest mismatch flips the bits of one byte. Once the connection is cut, the first write
 * fails (so the route stops) and later ones are dropped (so error handling finds nothing to say).
 */
final class FaultyBody extends ServletOutputStream {
    private final ServletOutputStream out;
    private final FaultAction action;
    private final Cutter cutter;
    private final long flippedByte;
    private final long started = System.nanoTime();
    private long written;
    private boolean cut;

    /** {@code contentLength} is the declared body length, or -1; a digest mismatch flips the last byte of it. */
    FaultyBody(ServletOutputStream out, FaultAction action, long contentLength, Cutter cutter) {
        this.out = out;
        this.action = action;
        this.cutter = cutter;
        this.flippedByte = contentLength > 0 ? contentLength - 1 : 0;
    }

    /** Closes or resets the connection. */
    interface Cutter {
        void cut(boolean reset);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (cut) {
            return;
        }
        if (action instanceof FaultAction.Truncate truncate) {
            limited(bytes, offset, length, truncate.afterBytes(), false);
        } else if (action instanceof FaultAction.Reset reset) {
            limited(bytes, offset, length, reset.afterBytes(), true);
        } else if (action instanceof FaultAction.Throttle throttle) {
            throttled(bytes, offset, length, throttle.bytesPerSecond());
        } else if (action instanceof FaultAction.DigestMismatch) {
            flipped(bytes, offset, length);
        } else {
            pass(bytes, offset, length);
        }
    }

    /** After the route: a reset whose limit the body never passed resets now (a body of exactly the limit included). */
    void finish() {
        if (!cut && action instanceof FaultAction.Reset) {
            cut(true);
        }
    }

    private void limited(byte[] bytes, int offset, int length, long limit, boolean reset) throws IOException {
        long room = limit - written;
        if (length <= room) {
            pass(bytes, offset, length);
            return;
        }
        pass(bytes, offset, (int) room);
        if (room > 0 || !reset) {
            out.flush(); // sends the head too: a reset at 0 must not, so the client gets no answer at all
        }
        cut(reset);
        throw new IOException("hubsim fault: connection " + (reset ? "reset" : "closed") + " after " + limit + " bytes");
    }

    /** Waits before each slice until the bytes sent so far, and the slice, fit the rate since the first write. */
    private void throttled(byte[] bytes, int offset, int length, long rate) throws IOException {
        int slice = (int) Math.max(1, Math.min(16 * 1024, rate / 10));
        for (int at = 0; at < length; at += slice) {
            int n = Math.min(slice, length - at);
            long due = started + TimeUnit.SECONDS.toNanos(written + n) / rate;
            sleepNanos(due - System.nanoTime());
            pass(bytes, offset + at, n);
            out.flush();
        }
    }

    private void flipped(byte[] bytes, int offset, int length) throws IOException {
        long end = written + length;
        if (flippedByte < written || flippedByte >= end) {
            pass(bytes, offset, length);
            return;
        }
        int at = (int) (flippedByte - written);
        pass(bytes, offset, at);
        pass(new byte[] {(byte) ~bytes[offset + at]}, 0, 1);
        pass(bytes, offset + at + 1, length - at - 1);
    }

    private void pass(byte[] bytes, int offset, int length) throws IOException {
        if (length > 0) {
            out.write(bytes, offset, length);
            written += length;
        }
    }

    private void cut(boolean reset) {
        cut = true;
        cutter.cut(reset);
    }

    private static void sleepNanos(long nanos) throws IOException {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while throttling the response", e);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!cut) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (!cut) {
            out.close();
        }
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        out.setWriteListener(listener);
    }
}
