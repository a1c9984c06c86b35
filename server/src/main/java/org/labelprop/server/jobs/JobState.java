// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Life cycle of a job: queued → running → one of the three final states (or queued → cancelled). */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String key() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static JobState of(String key) { return valueOf(key.toUpperCase(Locale.ROOT)); }

    public boolean isFinal() { return this == SUCCEEDED || this == FAILED || this == CANCELLED; }
}
