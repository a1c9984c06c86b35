// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the napari-compatible API remembers of one request ({@code napari/jobs/<token>.json}): its token (also the id
 * of its session and job), the parameters as sent (what {@code /get_session_info} answers) and its deadline.
 *
 * @param kind           "inference" or "training"
 * @param params         the request's JSON parameters, {@code hash} removed (as the original answers them); empty when
 *                       they could not be read
 * @param timeoutSeconds the job ends failed this long after the request
 */
record CompatRecord(String token, String kind, Map<String, Object> params, Instant createdAt, long timeoutSeconds) {
    CompatRecord {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(createdAt, "createdAt");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }

    Instant deadline() { return createdAt.plusSeconds(timeoutSeconds); }

    CompatRecord withParams(Map<String, Object> p) { return new CompatRecord(token, kind, p, createdAt, timeoutSeconds); }
}
