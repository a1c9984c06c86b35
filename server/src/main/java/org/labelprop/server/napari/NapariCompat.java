// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.jobs.JobRunners;
import org.labelprop.server.store.Datastore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original LabelProp server's HTTP API at the server root, so the napari-labelprop-remote plugin works unchanged
 * ({@code labelprop launch-server}). Plain text in and out, no token (the plugin cannot send one): every route checks
 * the Host and Origin headers instead ({@link HostGuard}). Each inference or training request becomes a session and a
 * job of this server under the request's token, runs this server's method, and stays listed and downloadable across
 * restarts. State: {@code napari/jobs/} (request records) and {@code napari/images/} (the md5 image cache) in the data
 * directory. Use: {@link #prepare} before the job manager starts, then {@link #register}.
 */
public final class NapariCompat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NapariCompat.class);
    private final NapariConfig config;
    private final Datastore store;
    private final ObjectMapper json;
    private final CompatRecords records;
    private final java.util.Set<String> cancelled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "labelprop-napari-watchdog");
        t.setDaemon(true);
        return t;
    });

    private NapariCompat(NapariConfig config, Datastore store, ObjectMapper json, CompatRecords records) {
        this.config = config;
        this.store = store;
        this.json = json;
        this.records = records;
    }

    /** Loads the request records and adds the two napari job types to {@code runners}. */
    public static NapariCompat prepare(NapariConfig config, Datastore store, ObjectMapper json, JobRunners runners) throws IOException {
        CompatRecords records = new CompatRecords(store.root().resolve("napari").resolve("jobs"), json);
        CompatJobs.register(runners, records);
        return new NapariCompat(config, store, json, records);
    }

    /** Adds the routes (GET and POST as the original accepts them) and starts the watchdog that ends overdue jobs. */
    public void register(RoutesConfig r, JobManager jobManager, long maxUploadBytes) throws IOException {
        CompatJobs jobs = new CompatJobs(jobManager, store);
        ImageCache cache = new ImageCache(store.root().resolve("napari").resolve("images"), config.cachedImages());
        RequestIntake intake = new RequestIntake(store, json, records, jobs, cache, config, maxUploadBytes);
        JobRoutes j = new JobRoutes(store, json, records, jobs, intake);
        CheckpointRoutes c = new CheckpointRoutes(store);
        HostGuard guard = new HostGuard(config.allowedHosts());
        r.get("/check", guarded(guard, c::check));
        r.get("/get_ckpt_dir", guarded(guard, c::getDir));
        r.post("/set_ckpt_dir", guarded(guard, c::setDir));
        r.get("/list_ckpts", guarded(guard, c::list));
        r.post("/send_ckpt", guarded(guard, c::send));
        r.get("/list_hash", guarded(guard, j::listHash));
        r.post("/inference", guarded(guard, j::inference));
        r.post("/training", guarded(guard, j::training));
        r.get("/get_session_list", guarded(guard, j::sessionList));
        r.get("/get_session_info", guarded(guard, j::sessionInfo));
        r.get("/download_inference", guarded(guard, j::download));
        r.post("/download_inference", guarded(guard, j::download));
        watchdog.scheduleWithFixedDelay(() -> cancelOverdue(j, jobs), 1, 1, TimeUnit.SECONDS);
        LOG.info("napari-compatible API on (hosts: loopback{}; job timeout {} s)",
            config.allowedHosts().isEmpty() ? "" : ", " + String.join(", ", config.allowedHosts()), config.timeoutSeconds());
    }

    @Override public void close() { watchdog.shutdownNow(); }

    private void cancelOverdue(JobRoutes routes, CompatJobs jobs) {
        try {
            for (String token : routes.overdue(Instant.now())) {
                if (!cancelled.add(token)) continue;
                LOG.warn("napari job {} passed its deadline: cancelling it", token);
                jobs.cancel(token);
            }
        } catch (RuntimeException e) {
            LOG.warn("napari watchdog: {}", e.toString());
        }
    }

    /** Host and Origin checked first; refusals and failures answered as plain text, never the REST API's JSON. */
    private static Handler guarded(HostGuard guard, Handler h) {
        return (Context ctx) -> {
            try {
                guard.check(ctx);
                h.handle(ctx);
            } catch (CompatException e) {
                Texts.send(ctx, e.status(), e.getMessage());
            } catch (Exception e) {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                Texts.send(ctx, 500, "internal error: " + e.getClass().getSimpleName());
            }
        };
    }
}
