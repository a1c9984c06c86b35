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
    JobOutcome run(SessionFiles in, JobRequest request, ProgressListener progress) throws Exception;

    /** Volumes the session must hold before this job can be submitted. */
    default Set<VolumeKind> requires() { return EnumSet.of(VolumeKind.IMAGE, VolumeKind.LABELS); }

    /**
     * Volumes this runner may read (required or optional): only these are handed to it, and a change to one of them after
     * the job started makes its results stale.
     */
    default Set<VolumeKind> reads(JobRequest request) {
        // image-blind methods read only the labels (and the image's grid); hints matter to registration only
        return request.segmentation().method().registers() ? EnumSet.allOf(VolumeKind.class)
            : EnumSet.of(VolumeKind.IMAGE, VolumeKind.LABELS);
    }
}
