// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.labelprop.progress.ProgressListener;
import org.labelprop.server.jobs.JobOutcome;
import org.labelprop.server.jobs.JobParams;
import org.labelprop.server.jobs.JobRunner;
import org.labelprop.server.jobs.SessionFiles;
import org.labelprop.server.store.VolumeKind;

/**
 * Test-only job: loops {@code "steps"} times (default 10000) sleeping {@code "sleepMs"} (default 5) per step, reporting
 * progress and checking cancellation like a training loop does; needs nothing from the session.
 */
final class LoopRunner implements JobRunner {
    @Override public Set<VolumeKind> requires() { return EnumSet.noneOf(VolumeKind.class); }

    @Override public JobOutcome run(SessionFiles in, JobParams p, ProgressListener progress) throws Exception {
        int steps = Integer.parseInt(p.option("steps", "10000"));
        long sleep = Long.parseLong(p.option("sleepMs", "5"));
        for (int i = 0; i < steps; i++) {
            ProgressListener.checkCancelled();
            busyWait(sleep);
            progress.update("looping", i + 1, steps);
        }
        return new JobOutcome(List.of(), "looped " + steps + " times");
    }

    /** Spins instead of sleeping, so only checkCancelled (not an InterruptedException) can stop the loop. */
    private static void busyWait(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
