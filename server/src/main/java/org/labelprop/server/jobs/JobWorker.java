// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.labelprop.progress.ProgressListener;
import org.labelprop.UserInputException;
import org.labelprop.server.limits.MemoryBudget;
import org.labelprop.server.limits.VolumeTooLargeException;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.Ids;
import org.labelprop.server.store.InputSnapshot;
import org.labelprop.server.store.PathNames;
import org.labelprop.server.store.StorageErrors;
import org.labelprop.server.store.UnknownResourceException;
import org.labelprop.server.store.VolumeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One worker thread: takes jobs from the {@link JobManager}, runs them, publishes their outputs. */
final class JobWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private final JobManager manager;

    JobWorker(JobManager manager) { this.manager = manager; }

    @Override public void run() {
        while (!manager.isClosed()) {
            Job job;
            try {
                job = manager.take();
            } catch (InterruptedException e) {
                if (manager.isClosed()) return;
                continue;
            }
            if (job == null) return;
            try {
                runOne(job);
            } finally {
                Thread.interrupted(); // a late cancel must not hit the next job
            }
        }
    }

    private void runOne(Job job) {
        JobRecord r = job.record;
        Datastore store = manager.store();
        Map<Path, String> inputNames = new HashMap<>();
        try {
            JobRunner runner = manager.runners().runner(r.type())
                .orElseThrow(() -> new IllegalStateException("no runner for job type '" + r.type() + "'"));
            Path work = store.workDir(r.session(), r.id());
            // the inputs current now, not at submission: a job queued before a re-upload computes from the new upload
            InputSnapshot inputs = store.snapshotInputs(r.session(), work, runner.reads(r.params()));
            inputs.files().forEach((k, f) -> inputNames.put(f, "the session's " + k.key()));
            manager.inputsUsed(job, inputs.fingerprints());
            Map<VolumeKind, Path> files = inputs.files();
            SessionFiles in = new SessionFiles(r.session(), files.get(VolumeKind.IMAGE), files.get(VolumeKind.LABELS),
                files.get(VolumeKind.HINTS), store.checkpointsDir(), work);
            ProgressListener progress = (stage, done, total) -> {
                manager.progress(job, total > 0 ? (double) done / total : 0, stage.label());
                ProgressListener.checkCancelled();
            };
            JobOutcome out;
            try (MemoryBudget.Reservation reserved = manager.memory().reserve(r.type(), files,
                () -> manager.progress(job, 0, "waiting for memory (uploads or other jobs hold it)"))) {
                out = runner.run(in, r.params(), progress);
            }
            ProgressListener.checkCancelled();
            List<String> names = new ArrayList<>();
            for (Path f : out.files()) names.add(f.getFileName().toString());
            store.publish(r.session(), r.id(), out.files(), inputs.fingerprints());
            manager.finish(job, JobState.SUCCEEDED, out.message().isEmpty() ? "done" : out.message(), names);
        } catch (CancellationException | InterruptedException e) {
            discard(store, r);
            manager.finish(job, manager.cancelRequested(job) ? JobState.CANCELLED : JobState.FAILED,
                manager.cancelRequested(job) ? "cancelled" : "interrupted by server shutdown", List.of());
        } catch (UnknownResourceException e) {
            discard(store, r);
            manager.finish(job, JobState.FAILED, "session " + r.session() + " was deleted", List.of());
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            discard(store, r);
            if (manager.cancelRequested(job)) {
                manager.finish(job, JobState.CANCELLED, "cancelled", List.of());
            } else {
                // bad input, unusable files, a full disk and a volume too large are the client's news, not a server
                // fault; anything else is ours: the client gets an error id, the log the stack trace
                String why;
                if (StorageErrors.isFull(e)) {
                    why = "the server's disk is full (or its file size limit is reached)";
                } else if (e instanceof OutOfMemoryError) {
                    LOG.warn("job {} ran out of memory", r.id(), e);
                    why = "the server ran out of memory for this job";
                } else if (e instanceof UserInputException || e instanceof java.io.IOException || e instanceof VolumeTooLargeException
                        || e instanceof JobFailure) {
                    LOG.info("job {} failed: {}", r.id(), e.getMessage());
                    why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                } else {
                    String errorId = Ids.next();
                    LOG.warn("job {} failed with internal error {}", r.id(), errorId, e);
                    why = "internal error " + errorId + " (the server log has the details)";
                }
                manager.finish(job, JobState.FAILED, PathNames.hide(PathNames.name(why, inputNames), store.root()), List.of());
            }
        }
    }

    private static void discard(Datastore store, JobRecord r) {
        try {
            store.discardWork(r.session(), r.id());
        } catch (java.io.IOException e) {
            LOG.warn("cannot remove work directory of job {}: {}", r.id(), e.toString());
        }
    }
}
