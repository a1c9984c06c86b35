// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import org.labelprop.server.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import java.util.Map;

/** Small request-parsing helpers shared by the controllers. */
final class Requests {
    private Requests() { }

    /** The body as a JSON object; 400 with the parser's complaint when it is not one. */
    static Map<String, Object> jsonObject(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) return Map.of();
        try {
            Map<String, Object> m = Json.shared().readValue(body, new TypeReference<Map<String, Object>>() { });
            return m == null ? Map.of() : m;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "expected a JSON object in the request body: " + e.getOriginalMessage());
        }
    }

    /** The body as a JSON object tree (empty for an empty body); 400 when it is not one. */
    static com.fasterxml.jackson.databind.node.ObjectNode jsonTree(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) return Json.strict().createObjectNode();
        try {
            if (Json.strict().readTree(body) instanceof com.fasterxml.jackson.databind.node.ObjectNode o) return o;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, "expected a JSON object in the request body: " + e.getOriginalMessage());
        }
        throw new ApiException(400, "expected a JSON object in the request body");
    }

    /** Whether a boolean query parameter is "true" (or "1"). */
    static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }
}
