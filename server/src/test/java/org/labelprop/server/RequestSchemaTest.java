// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.server.json.JobRequestBinding;
import org.labelprop.server.json.Json;

/**
 * openapi.yaml's JobRequest describes exactly the request the server binds: the same fields (groups included), the same
 * enum values and the same defaults as {@link SegmentationRequest#defaults()}. Adding a field to the request without
 * documenting it (or the reverse) fails here.
 */
class RequestSchemaTest {
    static OpenAPI spec() throws Exception {
        try (InputStream in = RequestSchemaTest.class.getResourceAsStream("/openapi.yaml")) {
            return new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getOpenAPI();
        }
    }

    @Test
    void jobRequestSchemaEqualsTheRequestRecords() throws Exception {
        OpenAPI spec = spec();
        Schema<?> job = spec.getComponents().getSchemas().get("JobRequest");
        TreeSet<String> expected = new TreeSet<>(Arrays.asList(JobRequestBinding.ENVELOPE));
        expected.addAll(names(SegmentationRequest.class));
        assertThat(new TreeSet<>(job.getProperties().keySet())).isEqualTo(expected);
        JsonNode defaults = Json.shared().valueToTree(SegmentationRequest.defaults());
        ((com.fasterxml.jackson.databind.node.ObjectNode) defaults).set("training", Json.shared().valueToTree(TrainingRequest.defaults()));
        check(spec, job, SegmentationRequest.class, defaults, "JobRequest");
    }

    private static void check(OpenAPI spec, Schema<?> schema, Class<?> record, JsonNode defaults, String where) {
        assertThat(schema.getAdditionalProperties()).as(where + " refuses unknown fields").isEqualTo(false);
        for (RecordComponent c : record.getRecordComponents()) {
            Schema<?> p = resolve(spec, schema.getProperties().get(c.getName()));
            assertThat(p).as(where + "." + c.getName() + " is documented").isNotNull();
            Class<?> t = c.getType();
            if (t.isRecord()) {
                assertThat(new TreeSet<>(p.getProperties().keySet())).as(where + "." + c.getName())
                    .isEqualTo(new TreeSet<>(names(t)));
                check(spec, p, t, defaults.get(c.getName()), where + "." + c.getName());
                continue;
            }
            if (t.isEnum()) {
                TreeSet<String> values = new TreeSet<>();
                for (Object e : t.getEnumConstants()) values.add(((Enum<?>) e).name().toLowerCase(Locale.ROOT));
                assertThat(new TreeSet<>(p.getEnum().stream().map(String::valueOf).toList())).as(where + "." + c.getName())
                    .isEqualTo(values);
            }
            JsonNode d = defaults.get(c.getName());
            Object documented = p.getDefault();
            String actual = d == null || d.isNull() ? "null" : d.isTextual() ? d.asText() : d.isNumber() ? Double.toString(d.asDouble()) : d.toString();
            String doc = documented == null ? "null" : documented instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(documented);
            assertThat(doc).as(where + "." + c.getName() + " default").isEqualTo(actual);
        }
    }

    private static Schema<?> resolve(OpenAPI spec, Schema<?> s) {
        if (s == null || s.get$ref() == null) return s;
        String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
        return spec.getComponents().getSchemas().get(name);
    }

    private static java.util.List<String> names(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

}
