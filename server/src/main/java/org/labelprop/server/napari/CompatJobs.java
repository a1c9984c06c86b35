// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.jobs.JobParams;
import org.labelprop.server.jobs.JobRecord;
import org.labelprop.server.jobs.JobRunners;
import org.labelprop.server.jobs.QueueFullException;
import org.labelprop.server.store.Datastore;

/**
 * The one place where the napari-compatible API meets the job system: the two job types it adds, the parameters it
 * gives them and the parameters of the "train" and "propagate" jobs they run inside. A plugin request becomes one job
 * whose id is the request's token, in a session of the same id.
 */
final class CompatJobs {
    static final String INFERENCE = "napari-inference";
    static final String TRAINING = "napari-training";
    private final JobManager jobs;
    private final Datastore store;

    CompatJobs(JobManager jobs, Datastore store) {
        this.jobs = jobs;
        this.store = store;
    }

    /** Adds the two job types (before the job manager starts, so jobs queued before a restart find their runner). */
    static void register(JobRunners runners, ObjectMapper json, CompatRecords records) {
        runners.register(INFERENCE, new CompatInferenceRunner(json, records)).register(TRAINING, new CompatTrainingRunner(json, records));
    }

    /**
     * Queues the job of a request whose session holds its volumes; a request this server cannot run (unknown checkpoint,
     * full queue) becomes a failed job instead, so the token still ends up in the finished list.
     */
    void submit(String token, PluginRequest r) {
        Map<String, Object> options = new java.util.HashMap<>();
        if (r.training()) {
            options.put("saveAs", r.saveAs());
            options.put("pretraining", r.pretraining());
            options.put("maxSeconds", r.trainSeconds());
        }
        options.put("refineSeconds", r.refineSeconds());
        JobParams p = new JobParams(r.training() ? TRAINING : INFERENCE, r.axis(), r.epochs(), r.checkpoint(), r.fusion(), options);
        if (r.checkpoint() != null && !Files.isRegularFile(store.checkpointsDir().resolve(r.checkpoint()))) {
            jobs.recordFailed(token, token, p, "checkpoint '" + r.checkpoint() + "' is not on this server; /list_ckpts lists those it has");
            return;
        }
        try {
            jobs.runners().runner(p.type()).orElseThrow().validate(p);
            jobs.submit(token, token, p);
        } catch (IllegalArgumentException | QueueFullException e) {
            jobs.recordFailed(token, token, p, e.getMessage());
        }
    }

    /** Records the job of a request that could not be read as failed with {@code message}. */
    void fail(String token, boolean training, String message) {
        jobs.recordFailed(token, token, JobParams.of(training ? TRAINING : INFERENCE), message);
    }

    Optional<JobRecord> find(String token) { return jobs.find(token); }

    void cancel(String token) { jobs.cancel(token); }

    /** The "propagate" job a napari job runs, with {@code checkpoint} as the network. */
    static JobParams propagation(JobParams napari, String checkpoint) {
        return new JobParams("propagate", napari.axis(), null, checkpoint, napari.fusion(), only(napari, "refineSeconds"));
    }

    /** The "train" job a napari training runs first: saves {@code saveAs}, replacing a checkpoint of that name as the original does. */
    static JobParams training(JobParams napari) {
        Map<String, Object> options = new java.util.HashMap<>(only(napari, "maxSeconds"));
        options.put("saveAs", saveAs(napari));
        options.put("overwrite", true);
        return new JobParams("train", napari.axis(), napari.epochs(), napari.checkpoint(), null, options);
    }

    private static Map<String, Object> only(JobParams p, String key) {
        Object v = p.options().get(key);
        return v == null ? Map.of() : Map.of(key, v);
    }

    static String saveAs(JobParams napari) { return napari.option("saveAs", null); }

    static boolean pretraining(JobParams napari) { return Boolean.parseBoolean(napari.option("pretraining", "false")); }
}
