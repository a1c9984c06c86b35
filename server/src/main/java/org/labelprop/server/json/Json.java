// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Locale;

/**
 * The JSON configuration of the server: ISO-8601 instants, records, enums written in lower case and read in any case.
 * {@link #shared()} tolerates unknown fields (stored files written by other versions); {@link #strict()} refuses them
 * (what clients send).
 */
public final class Json {
    private static final ObjectMapper SHARED = builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper STRICT = builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private Json() { }

    /** A shared, fully configured mapper (thread-safe once configured; do not reconfigure it). */
    public static ObjectMapper shared() { return SHARED; }

    /** The mapper for what clients send: unknown fields and fractional integers are errors. */
    public static ObjectMapper strict() { return STRICT; }

    /** A new mapper configured as {@link #shared()}. */
    public static ObjectMapper mapper() { return SHARED.copy(); }

    private static JsonMapper.Builder builder() {
        @SuppressWarnings({"rawtypes", "unchecked"})
        SimpleModule enums = new SimpleModule().addSerializer(Enum.class, new StdSerializer<Enum>(Enum.class) {
            @Override public void serialize(Enum value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.name().toLowerCase(Locale.ROOT));
            }
        });
        return JsonMapper.builder().addModule(new JavaTimeModule()).addModule(enums)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
