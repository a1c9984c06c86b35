// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.labelprop.io.Nifti;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.PathNames;
import org.labelprop.server.store.VolumeKind;
import org.labelprop.volume.Shape3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a plugin request into a session and a job under a fresh token: record, session, upload read (bounded), arrays
 * stored as the session's NIfTI volumes, job queued. Whatever goes wrong after the token exists becomes a failed job
 * with the reason, so the plugin, which polls for its token without limit, always gets an answer. One upload is
 * converted at a time (each holds whole volumes in memory).
 */
final class RequestIntake {
    private static final Logger LOG = LoggerFactory.getLogger(RequestIntake.class);
    private static final int MAX_PARAMS_BYTES = 64 << 10;
    private final Datastore store;
    private final ObjectMapper json;
    private final CompatRecords records;
    private final CompatJobs jobs;
    private final ImageCache cache;
    private final NapariConfig config;
    private final long maxUploadBytes;
    private final Semaphore converting = new Semaphore(1);
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    RequestIntake(Datastore store, ObjectMapper json, CompatRecords records, CompatJobs jobs, ImageCache cache, NapariConfig config,
                  long maxUploadBytes) {
        this.store = store;
        this.json = json;
        this.records = records;
        this.jobs = jobs;
        this.cache = cache;
        this.config = config;
        this.maxUploadBytes = maxUploadBytes;
    }

    ImageCache cache() { return cache; }

    /** Whether the request of this token is still being taken in (its job does not exist yet). */
    boolean inFlight(String token) { return inFlight.contains(token); }

    /** Takes a request in and returns its token; the job is queued, or recorded as failed with the reason. */
    String accept(Context ctx, boolean training, String token) throws IOException {
        String kind = training ? "training" : "inference";
        inFlight.add(token);
        try {
            CompatRecord record = new CompatRecord(token, kind, Map.of(), Instant.now(), config.timeoutSeconds());
            records.save(record);
            store.createSession(token, "napari " + kind);
            PluginRequest request;
            try (MultipartForm form = MultipartForm.read(ctx.bodyInputStream(), ctx.contentType(), store.root().resolve("tmp"), maxUploadBytes)) {
                Map<String, Object> params = params(form.bytes("params", MAX_PARAMS_BYTES));
                records.save(record.withParams(JobRoutes.withoutHash(params)));
                request = training ? PluginRequest.training(params, token) : PluginRequest.inference(params);
                for (String note : request.notes()) LOG.info("napari {} {}: {}", kind, token, note);
                Path arrays = form.part("arrays").orElseThrow(() -> MultipartForm.bad("no file part named 'arrays'")).file();
                converting.acquire();
                try {
                    storeVolumes(token, request.hash(), arrays);
                } finally {
                    converting.release();
                }
            }
            jobs.submit(token, request);
        } catch (CompatException | org.labelprop.UserInputException | IOException e) {
            jobs.fail(token, training, PathNames.hide(e.getMessage() == null ? e.toString() : e.getMessage(), store.root()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jobs.fail(token, training, "the server is shutting down");
        } catch (RuntimeException e) {
            LOG.error("napari {} request {} failed", kind, token, e);
            jobs.fail(token, training, "internal error: " + e);
        } finally {
            inFlight.remove(token);
        }
        return token;
    }

    private void storeVolumes(String token, String hash, Path npz) throws IOException {
        Path cached = hash == null ? null : cache.find(hash).orElse(null);
        Shape3 cachedShape = cached == null ? null : Nifti.grid(Nifti.readHeader(cached)).shape();
        PluginArrays a = PluginArrays.read(npz, cachedShape, config.maxVoxels());
        if (a.image() != null) SessionVolumes.storeImage(store, token, a.image(), cache, PluginArrays.md5(a.image()));
        else SessionVolumes.storeImageFile(store, token, cached);
        SessionVolumes.storeLabels(store, token, VolumeKind.LABELS, a.mask());
        if (a.hints() != null) SessionVolumes.storeLabels(store, token, VolumeKind.HINTS, a.hints());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> params(byte[] body) {
        try {
            Object v = json.readValue(body, Object.class);
            if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
            throw new IllegalArgumentException("params must be a JSON object, got " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("params is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
