// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.nio.file.Files;
import java.util.Optional;
import org.labelprop.UserInputException;
import org.labelprop.propagation.PropagationOptions;
import org.labelprop.request.Refinement;
import org.labelprop.request.Budget;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.request.Weights;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.jobs.JobRecord;
import org.labelprop.server.jobs.JobRequest;
import org.labelprop.server.jobs.JobRunners;
import org.labelprop.server.jobs.QueueFullException;
import org.labelprop.server.store.Datastore;

/**
 * The one place where the napari-compatible API meets the job system: the job types it adds and the segmentation
 * request each plugin request becomes (the same request type the REST API and the CLI use). A plugin request becomes
 * one job whose id is the request's token, in a session of the same id.
 */
final class CompatJobs {
    static final String INFERENCE = "napari-inference";
    static final String TRAINING = "napari-training";
    /** Training with the original's {@code pretraining} flag: without the annotations (unsupervised). */
    static final String PRETRAINING = "napari-pretraining";
    private final JobManager jobs;
    private final Datastore store;

    CompatJobs(JobManager jobs, Datastore store) {
        this.jobs = jobs;
        this.store = store;
    }

    /** Adds the job types (before the job manager starts, so jobs queued before a restart find their runner). */
    static void register(JobRunners runners, CompatRecords records) {
        runners.register(INFERENCE, new CompatRunner(records, false, 0)).register(TRAINING, new CompatRunner(records, false, 0))
            .register(PRETRAINING, new CompatRunner(records, true, 0));
    }

    /**
     * Queues the job of a request whose session holds its volumes; a request this server cannot run (unknown checkpoint,
     * full queue) becomes a failed job instead, so the token still ends up in the finished list.
     */
    void submit(String token, PluginRequest r) {
        JobRequest p;
        try {
            p = request(r);
        } catch (UserInputException e) {
            fail(token, r.training(), e.getMessage());
            return;
        }
        if (r.checkpoint() != null && !Files.isRegularFile(store.checkpointsDir().resolve(r.checkpoint()))) {
            jobs.recordFailed(token, token, p, "checkpoint '" + r.checkpoint() + "' is not on this server; /list_ckpts lists those it has");
            return;
        }
        try {
            jobs.submit(token, token, p);
        } catch (UserInputException | QueueFullException e) {
            jobs.recordFailed(token, token, p, e.getMessage());
        }
    }

    /** Records the job of a request that could not be read as failed with {@code message}. */
    void fail(String token, boolean training, String message) {
        SegmentationRequest d = SegmentationRequest.defaults();
        JobRequest p = training ? new JobRequest(TRAINING, d.withTraining(TrainingRequest.defaults()), null, true)
            : new JobRequest(INFERENCE, d, null, false);
        jobs.recordFailed(token, token, p, message);
    }

    Optional<JobRecord> find(String token) { return jobs.find(token); }

    void cancel(String token) { jobs.cancel(token); }

    /**
     * The segmentation request of a plugin request: the deep method along {@code z_axis}, fused by {@code criteria}
     * (other inference settings this server's defaults); inference with the named checkpoint; training from
     * {@code pretrained_ckpt} (default the shipped weights) for at most {@code max_epochs} steps and {@code time_budget}
     * seconds when given, saved as
     * {@code <name>.ckpt}, replacing a checkpoint of that name as the original does.
     */
    static JobRequest request(PluginRequest r) {
        SegmentationRequest d = SegmentationRequest.defaults();
        PropagationOptions i = d.inference().withFusion(PropagationOptions.Fusion.valueOf(r.fusion().toUpperCase(java.util.Locale.ROOT)));
        Refinement refinement = r.refineSeconds() == null ? d.refinement()
            : r.refineSeconds() == 0 ? Refinement.steps(0) : Refinement.seconds(r.refineSeconds());
        if (!r.training())
            return new JobRequest(INFERENCE, new SegmentationRequest(Method.DEEP, Integer.toString(r.axis()), i, refinement,
                r.checkpoint(), null, d.seed()), null, false);
        // max_epochs caps our optimiser steps (one per epoch: each of ours holds a whole chain between annotated slices)
        TrainingRequest t = TrainingRequest.of(new Budget(r.epochs(), r.trainSeconds()));
        String weights = r.checkpoint() != null ? r.checkpoint() : Weights.SHIPPED;
        return new JobRequest(r.pretraining() ? PRETRAINING : TRAINING, new SegmentationRequest(Method.DEEP, Integer.toString(r.axis()),
            i, refinement, weights, t, d.seed()), r.saveAs(), true);
    }
}
