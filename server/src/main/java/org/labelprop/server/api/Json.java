// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of the server: ISO-8601 instants, records, unknown fields tolerated in stored files. */
public final class Json {
    private static final ObjectMapper SHARED = mapper();

    private Json() { }

    /** A shared, fully configured mapper (thread-safe once configured; do not reconfigure it). */
    public static ObjectMapper shared() { return SHARED; }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
