// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A job as clients see it: the record plus what is only known live.
 *
 * @param queuePosition 1 = next to run; null unless queued
 * @param eta           estimated seconds until done (running jobs with some progress); omitted when unknown
 * @param inputs        SHA-256 of each session volume the job read (null = not uploaded); omitted before it started
 */
public record JobStatus(String id, String session, String type, JobState state, double progress, Integer queuePosition,
                        String message, Instant createdAt, Instant startedAt, Instant finishedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long eta,
                        List<String> results, JobRequest params,
                        @JsonInclude(JsonInclude.Include.NON_NULL) java.util.Map<String, String> inputs) {
    public static JobStatus of(JobRecord r, Integer queuePosition, Long eta) {
        return new JobStatus(r.id(), r.session(), r.type(), r.state(), r.progress(), queuePosition, r.message(), r.createdAt(),
            r.startedAt(), r.finishedAt(), eta, r.results(), r.params(), r.inputs());
    }
}
