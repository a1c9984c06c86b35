// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.jobs.JobParams;
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
     * POST: 202 + Location; 400 bad parameters or unknown type, 404 unknown session, 409 session lacks an input the type
     * needs, 413 too large for this server's memory, 422 unknown checkpoint, 429 queue full, 501 type not available in this
     * build.
     */
    public void submit(Context ctx) {
        String id = ctx.pathParam("id");
        SessionRecord session = store.session(id);
        JobParams params = parse(Requests.jsonObject(ctx));
        JobRunner runner = jobs.runners().runner(params.type()).orElseThrow(() -> jobs.runners().unavailableReason(params.type())
            .map(why -> new ApiException(501, "job type '" + params.type() + "' is not available: " + why))
            .orElseGet(() -> new ApiException(400, "unknown job type '" + params.type() + "'; expected one of " + jobs.runners().types())));
        for (VolumeKind k : runner.requires())
            if (session.volume(k) == null)
                throw new ApiException(409, "a " + params.type() + " job needs the session's " + k.key() + ": PUT /api/sessions/" + id
                    + "/" + k.key() + " first");
        if (params.checkpoint() != null && !Files.isRegularFile(store.checkpointsDir().resolve(params.checkpoint())))
            throw new ApiException(422, "checkpoint '" + params.checkpoint() + "' does not exist; see GET /api/checkpoints");
        runner.validate(params);
        jobs.memory().requireFits(params.type(), runner.reads(), session); // 413 when it could never be admitted
        JobStatus s = jobs.submit(id, params);
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

    private static JobParams parse(Map<String, Object> body) {
        Map<String, Object> options = new HashMap<>(body);
        Object type = options.remove("type");
        if (!(type instanceof String t)) throw new ApiException(400, "job needs a string \"type\", e.g. {\"type\": \"interpolate\"}");
        Integer axis = integer(options.remove("axis"), "axis");
        Integer epochs = integer(options.remove("epochs"), "epochs");
        return new JobParams(t, axis == null ? 2 : axis, epochs, string(options.remove("checkpoint"), "checkpoint"),
            string(options.remove("fusion"), "fusion"), options);
    }

    private static Integer integer(Object v, String key) {
        if (v == null) return null;
        if (v instanceof Integer i) return i;
        throw new ApiException(400, "\"" + key + "\" must be an integer, got " + v);
    }

    private static String string(Object v, String key) {
        if (v == null) return null;
        if (v instanceof String s) return s;
        throw new ApiException(400, "\"" + key + "\" must be a string, got " + v);
    }
}
