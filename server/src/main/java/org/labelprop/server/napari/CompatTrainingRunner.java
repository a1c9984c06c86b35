// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.labelprop.progress.ProgressListener;
import org.labelprop.server.jobs.JobOutcome;
import org.labelprop.server.jobs.JobParams;
import org.labelprop.server.jobs.JobRunner;
import org.labelprop.server.jobs.PropagateRunner;
import org.labelprop.server.jobs.SessionFiles;
import org.labelprop.server.jobs.TrainRunner;

/**
 * The job of {@code /training}: the "train" job on the session's scan (without its annotations when the request asked for
 * {@code pretraining}), which saves {@code <name>.ckpt}, then the "propagate" job with that checkpoint. Progress: training
 * the first 85 %, propagation the rest.
 */
final class CompatTrainingRunner implements JobRunner {
    private static final double TRAINING_SHARE = 0.85;
    private final TrainRunner train = new TrainRunner();
    private final PropagateRunner propagate;
    private final CompatRecords records;

    CompatTrainingRunner(ObjectMapper json, CompatRecords records) {
        this.propagate = new PropagateRunner(json);
        this.records = records;
    }

    @Override public void validate(JobParams p) {
        if (CompatJobs.saveAs(p) == null) throw new IllegalArgumentException("a training needs the checkpoint name to save");
        train.validate(CompatJobs.training(p));
        propagate.validate(CompatJobs.propagation(p, CompatJobs.saveAs(p)));
    }

    @Override public JobOutcome run(SessionFiles in, JobParams p, ProgressListener progress) throws Exception {
        ProgressListener guarded = new DeadlineProgress(progress, records.find(in.sessionId()).orElse(null));
        SessionFiles trainOn = CompatJobs.pretraining(p)
            ? new SessionFiles(in.sessionId(), in.image(), null, null, in.checkpoints(), in.workDir()) : in;
        JobOutcome trained = train.run(trainOn, CompatJobs.training(p), share(guarded, 0, TRAINING_SHARE));
        JobOutcome propagated = propagate.run(in, CompatJobs.propagation(p, CompatJobs.saveAs(p)), share(guarded, TRAINING_SHARE, 1));
        return new JobOutcome(propagated.files(), trained.message() + "; " + propagated.message());
    }

    /** Maps a stage's progress onto [{@code from}, {@code to}] of the job. */
    private static ProgressListener share(ProgressListener outer, double from, double to) {
        long scale = 1_000_000;
        return (stage, done, total) -> outer.update(stage, Math.round(scale * (from + (to - from) * Math.min(1.0, (double) done / total))), scale);
    }
}
