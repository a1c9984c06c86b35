// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.nio.file.Files;
import org.labelprop.request.Weights;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.jobs.JobRequest;
import org.labelprop.server.jobs.JobRunner;
import org.labelprop.server.jobs.JobStatus;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.SessionRecord;
import org.labelprop.server.store.VolumeKind;

/** {@code /api/sessions/{id}/jobs} and {@code /api/jobs/{jobId}}: submit, look up and cancel jobs (events: {@link JobEvents}). */
public final class JobController {
    private final Datastore store;
    private final JobManager jobs;

    public JobController(Datastore store, JobManager jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * POST: 202 + Location; 400 body not a JSON object, 404 unknown session, 409 session lacks an input the type needs,
     * 413 too large for this server's memory, 422 unknown field, unusable value, unknown type or unknown checkpoint,
     * 429 queue full, 501 type not available in this build.
     */
    public void submit(Context ctx) {
        String id = ctx.pathParam("id");
        SessionRecord session = store.session(id);
        JobRequest request = JobRequest.fromJson(Requests.jsonTree(ctx));
        JobRunner runner = jobs.runners().runner(request.type()).orElseThrow(() -> jobs.runners().unavailableReason(request.type())
            .map(why -> new ApiException(501, "job type '" + request.type() + "' is not available: " + why))
            .orElseGet(() -> new ApiException(422, "unknown job type '" + request.type() + "'; expected one of " + jobs.runners().types())));
        for (VolumeKind k : runner.requires())
            if (session.volume(k) == null)
                throw new ApiException(409, "a " + request.type() + " job needs the session's " + k.key() + ": PUT /api/sessions/" + id
                    + "/" + k.key() + " first");
        Weights w = request.segmentation().startWeights();
        if (request.segmentation().method().registers() && w.kind() == Weights.Kind.CHECKPOINT
                && !Files.isRegularFile(store.checkpointsDir().resolve(w.name())))
            throw new ApiException(422, "checkpoint '" + w.name() + "' does not exist; see GET /api/checkpoints");
        jobs.memory().requireFits(request.type(), runner.reads(request), session); // 413 when it could never be admitted
        JobStatus s = jobs.submit(id, request);
        ctx.status(202).header("Location", "/api/jobs/" + s.id()).json(s);
    }

    public void get(Context ctx) { ctx.json(jobs.status(ctx.pathParam("jobId"))); }

    /** GET /api/jobs: every job, or those of {@code ?session=}. */
    public void list(Context ctx) {
        String session = ctx.queryParam("session");
        if (session != null) store.session(session);
        ctx.json(session != null ? jobs.forSession(session) : jobs.all());
    }

    /** DELETE: cancels; 200 with the status (a running job reports "cancelled" within seconds); 409 if already over. */
    public void cancel(Context ctx) {
        JobStatus before = jobs.status(ctx.pathParam("jobId"));
        if (before.state().isFinal()) throw new ApiException(409, "job " + before.id() + " has already " + before.state().key());
        ctx.json(jobs.cancel(before.id()));
    }
}
