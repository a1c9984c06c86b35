// SPDX-License-Identifier: Apache-2.0
package org.labelprop.progress;

/**
 * Receives progress of long work (training, field computation, propagation). Core never prints; the CLI shows a bar,
 * the server updates the job record. Cancellation is the thread's interrupt flag: long loops call
 * {@link #checkCancelled()} and stop with {@link java.util.concurrent.CancellationException}.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is running
     * @param done  units finished so far within this stage
     * @param total units in this stage (> 0)
     */
    void update(Stage stage, long done, long total);

    /** Throws {@link java.util.concurrent.CancellationException} when the current thread was interrupted. */
    static void checkCancelled() {
        if (Thread.currentThread().isInterrupted())
            throw new java.util.concurrent.CancellationException("cancelled");
    }
}
