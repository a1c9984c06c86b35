// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.labelprop.io.dicom.DicomOptions;
import org.labelprop.server.api.CheckpointController;
import org.labelprop.server.api.JobController;
import org.labelprop.server.api.JobEvents;
import org.labelprop.server.api.LabelConventions;
import org.labelprop.server.api.LabelDescriptionController;
import org.labelprop.server.api.ResultController;
import org.labelprop.server.api.SessionController;
import org.labelprop.server.api.UploadReceiver;
import org.labelprop.server.api.VolumeController;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.limits.VolumeAdmission;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.LabelDescriptionStore;
import org.labelprop.server.store.VolumeInspector;
import org.labelprop.server.store.VolumeKind;

/** The route table: every endpoint in one place; {@code openapi.yaml} must list exactly these. */
final class Routes implements AutoCloseable {
    private final SessionController sessions;
    private final VolumeController volumes;
    private final JobController jobs;
    private final JobEvents events;
    private final ResultController results;
    private final CheckpointController checkpoints;
    private final LabelDescriptionController labels;
    private final JobManager jobManager;
    private final String version;

    Routes(Datastore store, JobManager jobManager, UploadReceiver receiver, VolumeInspector inspector, VolumeAdmission admission,
           Duration idleTimeout, String version) {
        LabelDescriptionStore descriptions = new LabelDescriptionStore(store);
        this.sessions = new SessionController(store, jobManager, descriptions);
        this.labels = new LabelDescriptionController(store, descriptions, receiver);
        this.volumes = new VolumeController(store, receiver, inspector, admission,
            DicomOptions.defaults().withTempParent(store.root().resolve("tmp")), descriptions);
        this.jobs = new JobController(store, jobManager);
        this.events = new JobEvents(jobManager, idleTimeout);
        this.results = new ResultController(store);
        this.checkpoints = new CheckpointController(store, receiver);
        this.jobManager = jobManager;
        this.version = version;
    }

    void register(RoutesConfig r) {
        r.get("/api/health", ctx -> ctx.json(Map.of("status", "ok", "version", version, "jobTypes", jobManager.runners().types())));
        r.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi()));

        r.post("/api/sessions", sessions::create);
        r.get("/api/sessions", sessions::list);
        r.get("/api/sessions/{id}", sessions::get);
        r.delete("/api/sessions/{id}", sessions::delete);

        for (VolumeKind k : VolumeKind.values()) {
            String path = "/api/sessions/{id}/" + k.key();
            r.put(path, ctx -> volumes.put(ctx, k));
            r.get(path, ctx -> volumes.get(ctx, k));
            r.delete(path, ctx -> volumes.delete(ctx, k));
        }

        r.get("/api/label-conventions", ctx -> ctx.json(LabelConventions.current()));
        r.get("/api/sessions/{id}/label-descriptions", labels::get);
        r.post("/api/sessions/{id}/label-descriptions", labels::replace);
        r.get("/api/sessions/{id}/label-descriptions.txt", labels::getText);
        r.put("/api/sessions/{id}/label-descriptions.txt", labels::putText);

        r.post("/api/sessions/{id}/jobs", jobs::submit);
        r.get("/api/jobs", jobs::list);
        r.get("/api/jobs/{jobId}", jobs::get);
        r.delete("/api/jobs/{jobId}", jobs::cancel);
        r.get("/api/jobs/{jobId}/events", events::handle);

        r.get("/api/sessions/{id}/results/{name}", results::volume);
        r.get("/api/sessions/{id}/suggestions", results::suggestions);

        r.get("/api/checkpoints", checkpoints::list);
        r.put("/api/checkpoints/{name}", checkpoints::put);
        r.get("/api/checkpoints/{name}", checkpoints::get);
        r.delete("/api/checkpoints/{name}", checkpoints::delete);
    }

    @Override public void close() { events.close(); }

    private static byte[] openApi() throws IOException {
        try (InputStream in = Routes.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) throw new IOException("openapi.yaml is missing from the classpath");
            return in.readAllBytes();
        }
    }
}
