// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;
import org.labelprop.server.jobs.JobOutcome;
import org.labelprop.server.jobs.JobRequest;
import org.labelprop.server.jobs.JobRunner;
import org.labelprop.server.jobs.SessionFiles;
import org.labelprop.server.store.VolumeKind;

/**
 * Test-only job type "test-loop": loops {@code refinement.steps} times (default 10000) spinning {@code seed}
 * milliseconds (default 5) per step, reporting progress and checking cancellation like a training loop does; needs
 * nothing from the session. (It borrows two request fields, since a job body accepts no field outside the request.)
 */
final class LoopRunner implements JobRunner {
    /** A test-loop job body. */
    static String body(int steps, int sleepMs) {
        return "{\"type\":\"test-loop\",\"refinement\":{\"steps\":" + steps + "},\"seed\":" + sleepMs + "}";
    }

    @Override public Set<VolumeKind> requires() { return EnumSet.noneOf(VolumeKind.class); }

    @Override public JobOutcome run(SessionFiles in, JobRequest p, ProgressListener progress) throws Exception {
        int steps = p.segmentation().refinement().budget().stepsOr(10_000);
        long sleep = p.segmentation().seed() == 42 ? 5 : p.segmentation().seed();
        for (int i = 0; i < steps; i++) {
            ProgressListener.checkCancelled();
            busyWait(sleep);
            progress.update(Stage.TRAINING, i + 1, steps);
        }
        return new JobOutcome(List.of(), "looped " + steps + " times");
    }

    /** Spins instead of sleeping, so only checkCancelled (not an InterruptedException) can stop the loop. */
    private static void busyWait(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
