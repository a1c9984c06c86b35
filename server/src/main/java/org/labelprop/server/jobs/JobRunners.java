// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The job types a server offers: a runner per type, and types that are known but not available in this build (answered
 * with 501 and the reason).
 */
public final class JobRunners {
    private final Map<String, JobRunner> runners = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();

    public JobRunners register(String type, JobRunner runner) {
        runners.put(type, runner);
        unavailable.remove(type);
        return this;
    }

    public JobRunners unavailable(String type, String reason) {
        runners.remove(type);
        unavailable.put(type, reason);
        return this;
    }

    public Optional<JobRunner> runner(String type) { return Optional.ofNullable(runners.get(type)); }

    /** Why a known type cannot run here, if it cannot. */
    public Optional<String> unavailableReason(String type) { return Optional.ofNullable(unavailable.get(type)); }

    /** All type names, available or not, sorted. */
    public TreeSet<String> types() {
        TreeSet<String> t = new TreeSet<>(runners.keySet());
        t.addAll(unavailable.keySet());
        return t;
    }
}
