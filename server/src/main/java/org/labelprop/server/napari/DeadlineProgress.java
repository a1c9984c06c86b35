// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.time.Instant;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;
import org.labelprop.server.jobs.JobFailure;

/** Passes progress on, and ends the job (failed, "timed out") at the first report after its deadline. */
final class DeadlineProgress implements ProgressListener {
    private final ProgressListener inner;
    private final CompatRecord record;

    DeadlineProgress(ProgressListener inner, CompatRecord record) {
        this.inner = inner;
        this.record = record;
    }

    @Override public void update(Stage stage, long done, long total) {
        if (record != null && Instant.now().isAfter(record.deadline())) throw new JobFailure(timedOut(record));
        inner.update(stage, done, total);
    }

    static String timedOut(CompatRecord r) {
        return "timed out: not finished " + r.timeoutSeconds() + " s after the request (the server's --napari-timeout)";
    }
}
