package dev.hubsim.simulator.storage;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reusable direct buffers of one size for moving blob bytes between sockets and files. The JDK copies a heap buffer
 * into a direct one for every read and write; a direct buffer skips that copy, but allocating one is dear (it is
 * zeroed, and freed only by a garbage collection), so a few are kept for reuse. Thread-safe.
 */
public final class DirectBuffers {
    /** The shared pool: 1 MiB buffers, at most 16 of them idle. */
    public static final DirectBuffers SHARED = new DirectBuffers(1024 * 1024, 16);

    private final int size;
    private final BlockingQueue<ByteBuffer> idle;

    DirectBuffers(int size, int maxIdle) {
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    /** A cleared buffer of {@link #size()} bytes, reused when one is idle. */
    public ByteBuffer take() {
        ByteBuffer buffer = idle.poll();
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(size);
    }

    /** Hands a buffer back for reuse; the caller must not touch it afterwards. Buffers beyond the idle limit are dropped. */
    public void give(ByteBuffer buffer) {
        idle.offer(buffer);
    }

    /** The capacity of every buffer. */
    public int size() {
        return size;
    }
}
