// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A job in memory: its current record, the worker thread while running, and live subscribers. */
final class Job {
    volatile JobRecord record;
    /** Guarded by {@code this}: set while a worker runs the job, so cancel interrupts the right thread. */
    Thread worker;
    boolean cancelRequested;
    volatile long lastNotifyNanos;
    final List<Consumer<JobStatus>> subscribers = new CopyOnWriteArrayList<>();

    Job(JobRecord record) { this.record = record; }

    String id() { return record.id(); }
}
