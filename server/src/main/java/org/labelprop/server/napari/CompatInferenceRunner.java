// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.labelprop.progress.ProgressListener;
import org.labelprop.server.jobs.JobOutcome;
import org.labelprop.server.jobs.JobParams;
import org.labelprop.server.jobs.JobRunner;
import org.labelprop.server.jobs.PropagateRunner;
import org.labelprop.server.jobs.SessionFiles;

/** The job of {@code /inference}: the "propagate" job with the named checkpoint, ended at the request's deadline. */
final class CompatInferenceRunner implements JobRunner {
    private final PropagateRunner propagate;
    private final CompatRecords records;

    CompatInferenceRunner(ObjectMapper json, CompatRecords records) {
        this.propagate = new PropagateRunner(json);
        this.records = records;
    }

    @Override public void validate(JobParams p) {
        if (p.checkpoint() == null) throw new IllegalArgumentException("an inference needs a checkpoint");
        propagate.validate(CompatJobs.propagation(p, p.checkpoint()));
    }

    @Override public JobOutcome run(SessionFiles in, JobParams p, ProgressListener progress) throws Exception {
        ProgressListener guarded = new DeadlineProgress(progress, records.find(in.sessionId()).orElse(null));
        return propagate.run(in, CompatJobs.propagation(p, p.checkpoint()), guarded);
    }
}
