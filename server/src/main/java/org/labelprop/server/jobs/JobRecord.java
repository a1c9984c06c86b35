// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The persisted state of a job ({@code jobs/<id>.json}); immutable, each change makes a new record.
 *
 * @param progress fraction done, 0..1
 * @param results  names of the session results this job published (on success)
 * @param inputs   SHA-256 of each session volume the job read, by kind ("image", "labels", "hints"; null = not
 *                 uploaded), taken when it started; null before it started
 */
public record JobRecord(String id, String session, String type, JobRequest params, JobState state, double progress,
                        String message, Instant createdAt, Instant startedAt, Instant finishedAt, List<String> results,
                        Map<String, String> inputs) {
    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!(progress >= 0 && progress <= 1)) throw new IllegalArgumentException("progress must be within 0..1, got " + progress);
        message = message == null ? "" : message;
        results = results == null ? List.of() : List.copyOf(results);
        inputs = inputs == null ? null : Collections.unmodifiableMap(new TreeMap<>(inputs)); // TreeMap: null values allowed
    }

    public static JobRecord queued(String id, String session, JobRequest params) {
        return new JobRecord(id, session, params.type(), params, JobState.QUEUED, 0, "queued", Instant.now(), null, null, null, null);
    }

    public JobRecord running() {
        return new JobRecord(id, session, type, params, JobState.RUNNING, 0, "starting", createdAt, Instant.now(), null, results, null);
    }

    /** The same record, still queued, with a new message (e.g. after a restart put it back in the queue). */
    public JobRecord requeued(String msg) {
        return new JobRecord(id, session, type, params, JobState.QUEUED, 0, msg, createdAt, null, null, null, null);
    }

    public JobRecord withInputs(Map<String, String> used) {
        return new JobRecord(id, session, type, params, state, progress, message, createdAt, startedAt, finishedAt, results, used);
    }

    public JobRecord progress(double p, String msg) {
        return new JobRecord(id, session, type, params, state, Math.max(0, Math.min(1, p)), msg, createdAt, startedAt, finishedAt,
            results, inputs);
    }

    public JobRecord finished(JobState s, String msg, List<String> published) {
        return new JobRecord(id, session, type, params, s, s == JobState.SUCCEEDED ? 1 : progress, msg, createdAt, startedAt,
            Instant.now(), published, inputs);
    }
}
