// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.limits;

import java.util.concurrent.Semaphore;

/**
 * Bounds the uploads whose bodies are being read at once. Each holds a server thread while it reads (blocking I/O), so
 * without a bound a few hundred stalled uploads would take every thread and the server would stop answering anything;
 * beyond the bound an upload is refused at once with 503 and Retry-After, before its body is read.
 */
public final class UploadSlots {
    /** Default bound: more than the 50 clients of the load test, far fewer than the server's threads (250). */
    public static final int DEFAULT = 64;
    private static final long RETRY_AFTER_SECONDS = 5;
    private final Semaphore slots;
    private final int size;

    public UploadSlots(int size) {
        if (size < 1) throw new IllegalArgumentException("upload slots must be at least 1, got " + size);
        this.size = size;
        this.slots = new Semaphore(size);
    }

    /**
     * Takes a slot without waiting; the returned handle gives it back when closed.
     * @throws ServerBusyException when all slots are taken
     */
    public Slot acquire() {
        if (!slots.tryAcquire())
            throw new ServerBusyException("the server is busy: " + size + " uploads are in progress; retry in a few seconds",
                RETRY_AFTER_SECONDS);
        return new Slot();
    }

    /** Slots free now. */
    public int available() { return slots.availablePermits(); }

    /** One taken slot; closing it (once) frees it. */
    public final class Slot implements AutoCloseable {
        private boolean closed;

        private Slot() { }

        @Override public synchronized void close() {
            if (closed) return;
            closed = true;
            slots.release();
        }
    }
}
