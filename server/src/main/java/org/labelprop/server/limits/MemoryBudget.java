// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.limits;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Admission control for decoded volumes: before an upload is validated or a job reads its volumes, the bytes their arrays
 * will take are reserved here, and the request proceeds only if they fit. Two conditions must hold: the reservations
 * outstanding plus this one stay within {@link #capacity()} (the heap minus a headroom for everything else), and the
 * heap really has that much free now (measured; one garbage collection at most every second is requested when it
 * does not). A request larger than the capacity can never fit: {@link VolumeTooLargeException} (413). One that does
 * not fit now waits up to the given time, then gets {@link ServerBusyException} (503 + Retry-After).
 */
public final class MemoryBudget {
    private static final long MIB = 1 << 20;
    private static final long RETRY_AFTER_SECONDS = 5;
    private final long capacity;
    private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    private long reserved;
    private long lastGcNanos = System.nanoTime() - 2_000_000_000L;

    /** @param capacityBytes how many bytes of decoded volumes may be held at once */
    public MemoryBudget(long capacityBytes) {
        if (capacityBytes < 1) throw new IllegalArgumentException("memory capacity must be positive, got " + capacityBytes);
        this.capacity = capacityBytes;
    }

    /** The budget of this JVM: its maximum heap less a headroom of a quarter (at least 128 MiB) for everything else. */
    public static MemoryBudget ofHeap() {
        long max = Runtime.getRuntime().maxMemory();
        return new MemoryBudget(Math.max(MIB, max - Math.max(128 * MIB, max / 4)));
    }

    public long capacity() { return capacity; }

    /** Bytes reserved now. */
    public synchronized long reserved() { return reserved; }

    /** Refuses with {@link VolumeTooLargeException} what could never fit, without reserving anything. */
    public void requireFits(long bytes, String what) {
        if (bytes > capacity)
            throw new VolumeTooLargeException(what + " needs " + mib(bytes) + " MiB of memory to decode; this server holds at most "
                + mib(capacity) + " MiB of volumes at once (start it with a larger Java heap, -Xmx)");
    }

    /**
     * Reserves {@code bytes}, waiting up to {@code wait} for them to become free; release with {@link Reservation#close()}.
     * @param what names the request in messages, e.g. "the image upload (256x256x180 voxels)"
     */
    public Reservation reserve(long bytes, String what, Duration wait) throws InterruptedException {
        requireFits(bytes, what);
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (true) {
                if (reserved + bytes <= capacity && heapHasRoom(bytes)) {
                    reserved += bytes;
                    return new Reservation(bytes);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    throw new ServerBusyException("the server is busy: " + what + " needs " + mib(bytes) + " MiB of memory to decode and "
                        + mib(Math.max(0, capacity - reserved)) + " of " + mib(capacity) + " MiB are free now; retry in a few seconds",
                        RETRY_AFTER_SECONDS);
                // woken by a release; the heap measure has no event, so look again within 100 ms
                wait(Math.max(1, Math.min(100, left / 1_000_000)));
            }
        }
    }

    /** Whether the heap has {@code bytes} free besides what is reserved and not yet allocated; may request one GC a second. */
    private boolean heapHasRoom(long bytes) {
        if (free() >= bytes) return true;
        long now = System.nanoTime();
        if (now - lastGcNanos < 1_000_000_000L) return false;
        lastGcNanos = now;
        System.gc(); // garbage counts as used until collected: look at what is really live before refusing
        return free() >= bytes;
    }

    private long free() {
        long max = Runtime.getRuntime().maxMemory();
        return max - heap.getHeapMemoryUsage().getUsed() - Math.min(max / 16, 64 * MIB);
    }

    private synchronized void release(long bytes) {
        reserved -= bytes;
        notifyAll();
    }

    private static long mib(long bytes) { return (bytes + MIB - 1) / MIB; }

    /** Reserved memory; closing it (once) gives it back. */
    public final class Reservation implements AutoCloseable {
        private long bytes;

        private Reservation(long bytes) { this.bytes = bytes; }

        @Override public void close() {
            long b;
            synchronized (MemoryBudget.this) {
                b = bytes;
                bytes = 0;
            }
            if (b > 0) release(b);
        }
    }
}
