// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.labelprop.server.jobs.JobRecord;
import org.labelprop.server.jobs.JobState;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.PathNames;

/**
 * {@code /inference}, {@code /training} (a token at once, the job runs later), {@code /get_session_list} (tokens of
 * finished jobs), {@code /download_inference} (npz, or the error as text), {@code /get_session_info}, {@code /list_hash}.
 */
final class JobRoutes {
    /** A job past its deadline counts as finished this much later even if its worker has not stopped yet. */
    static final long GRACE_SECONDS = 30;
    private final Datastore store;
    private final ObjectMapper json;
    private final CompatRecords records;
    private final CompatJobs jobs;
    private final RequestIntake intake;

    JobRoutes(Datastore store, ObjectMapper json, CompatRecords records, CompatJobs jobs, RequestIntake intake) {
        this.store = store;
        this.json = json;
        this.records = records;
        this.jobs = jobs;
        this.intake = intake;
    }

    void inference(Context ctx) throws IOException { Texts.ok(ctx, intake.accept(ctx, false, UUID.randomUUID().toString())); }

    void training(Context ctx) throws IOException { Texts.ok(ctx, intake.accept(ctx, true, UUID.randomUUID().toString())); }

    void sessionList(Context ctx) {
        Instant now = Instant.now();
        Texts.ok(ctx, records.all().stream().filter(r -> finished(r, now)).map(CompatRecord::token).collect(Collectors.joining(",")));
    }

    void sessionInfo(Context ctx) throws IOException {
        CompatRecord r = record(ctx);
        ctx.status(200).contentType("application/json").result(json.writeValueAsString(r.params()));
    }

    void listHash(Context ctx) throws IOException { Texts.ok(ctx, String.join(",", intake.cache().hashes())); }

    /** The npz of a succeeded job; the reason (HTTP 200, as the original) of a failed one; 409 while it runs. */
    void download(Context ctx) throws IOException {
        CompatRecord r = record(ctx);
        JobRecord job = jobs.find(r.token()).orElse(null);
        Instant now = Instant.now();
        if (job == null && intake.inFlight(r.token())) {
            Texts.send(ctx, 409, "request " + r.token() + " is still being received");
        } else if (job == null) {
            Texts.ok(ctx, "the server stopped before this request's job was queued; send it again");
        } else if (job.state() == JobState.SUCCEEDED) {
            if (!ResultArchive.complete(store.resultsDir(r.token()))) {
                Texts.ok(ctx, "the results of this job are gone (its session was deleted or its results replaced)");
                return;
            }
            ctx.status(200).contentType("application/octet-stream");
            ResultArchive.write(store.resultsDir(r.token()), ctx.outputStream());
        } else if (job.state().isFinal() || finished(r, now)) {
            boolean timedOut = now.isAfter(r.deadline()) && (!job.state().isFinal() || job.state() == JobState.CANCELLED);
            Texts.ok(ctx, timedOut ? DeadlineProgress.timedOut(r) : job.state().key() + ": " + PathNames.hide(job.message(), store.root()));
        } else {
            Texts.send(ctx, 409, "job " + r.token() + " is " + job.state().key() + " (" + Math.round(100 * job.progress()) + " %): "
                + job.message() + "; wait until /get_session_list lists it");
        }
    }

    /** Finished: the job ended, or it never got queued, or it is past its deadline (plus a grace for the worker to stop). */
    private boolean finished(CompatRecord r, Instant now) {
        JobRecord job = jobs.find(r.token()).orElse(null);
        if (job == null) return !intake.inFlight(r.token());
        return job.state().isFinal() || now.isAfter(r.deadline().plusSeconds(GRACE_SECONDS));
    }

    private CompatRecord record(Context ctx) {
        String token = ctx.queryParam("token");
        return records.find(token).orElseThrow(() -> new CompatException(404, "unknown token '" + token + "'"));
    }

    /** Tokens of unfinished jobs past their deadline: the watchdog cancels them. */
    java.util.List<String> overdue(Instant now) {
        return records.all().stream().filter(r -> now.isAfter(r.deadline()))
            .filter(r -> jobs.find(r.token()).map(j -> !j.state().isFinal()).orElse(false)).map(CompatRecord::token).toList();
    }

    static Map<String, Object> withoutHash(Map<String, Object> p) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(p);
        out.remove("hash");
        return out;
    }
}
