// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import org.labelprop.server.json.Json;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.request.Weights;
import org.labelprop.server.jobs.JobRequest;
import org.labelprop.server.jobs.JobRunner;
import org.labelprop.server.jobs.JobStatus;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.SessionRecord;
import org.labelprop.server.store.VolumeKind;

/** {@code /api/sessions/{id}/jobs} and {@code /api/jobs/{jobId}}: submit, follow and cancel jobs. */
public final class JobController implements AutoCloseable {
    /** A comment line this often keeps idle event streams open through the server's and proxies' idle timeouts. */
    static final long HEARTBEAT_SECONDS = 15;
    private final Datastore store;
    private final JobManager jobs;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "labelprop-sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public JobController(Datastore store, JobManager jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /**
     * POST: 202 + Location; 400 body not a JSON object, 404 unknown session, 409 session lacks an input the type needs,
     * 422 unknown field, unusable value, unknown type or unknown checkpoint, 429 queue full, 501 type not available here.
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

    /** GET events: a "status" server-sent event on every change, ending after the final state. */
    public void events(Context ctx) throws Exception {
        String id = ctx.pathParam("jobId");
        jobs.status(id);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream"))
            throw new ApiException(406, "this is a server-sent event stream: send 'Accept: text/event-stream'");
        new SseHandler(client -> stream(client, id)).handle(ctx);
    }

    private void stream(SseClient client, String id) {
        client.keepAlive();
        Runnable unsubscribe = jobs.subscribe(id, s -> send(client, s));
        ScheduledFuture<?> beat = heartbeat.scheduleAtFixedRate(() -> {
            synchronized (client) {
                if (!client.terminated()) client.sendComment("heartbeat");
            }
        }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        client.onClose(() -> {
            unsubscribe.run();
            beat.cancel(false);
        });
        send(client, jobs.status(id));
    }

    /** Stops the heartbeat thread. */
    @Override public void close() { heartbeat.shutdownNow(); }

    private static void send(SseClient client, JobStatus s) {
        synchronized (client) {
            if (client.terminated()) return;
            try {
                client.sendEvent("status", Json.shared().writeValueAsString(s), null);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (s.state().isFinal()) client.close();
        }
    }
}
