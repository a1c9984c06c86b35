// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.util.EnumSet;
import java.util.Set;
import org.labelprop.progress.ProgressListener;
import org.labelprop.server.store.VolumeKind;

/**
 * Runs one type of job on a worker thread. Cancellation interrupts the thread: long loops call
 * {@link ProgressListener#checkCancelled()} (every {@code progress.update} does too).
 */
public interface JobRunner {
    JobOutcome run(SessionFiles in, JobParams params, ProgressListener progress) throws Exception;

    /** Volumes the session must hold before this job can be submitted. */
    default Set<VolumeKind> requires() { return EnumSet.of(VolumeKind.IMAGE, VolumeKind.LABELS); }

    /**
     * Volumes this runner may read (required or optional): only these are handed to it, and a change to one of them after
     * the job started makes its results stale.
     */
    default Set<VolumeKind> reads() { return EnumSet.allOf(VolumeKind.class); }

    /** Rejects parameters this runner cannot use, with an {@link IllegalArgumentException} (answered with 400). */
    default void validate(JobParams params) { }
}
