// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;
import org.labelprop.server.api.InternalErrors;
import org.labelprop.server.json.Json;

/** The JSON error bodies of answers Jetty gives itself, before or around the application: same shape as the API's. */
final class ErrorBodies {
    private ErrorBodies() { }

    /**
     * {@code {"error": "..."}} for a status Jetty produced: for 500 an error id, the cause going to the log; otherwise the status and Jetty's description (e.g. "400 Bad Request: Ambiguous URI path separator",
     * "505 HTTP Version Not Supported").
     */
    static String body(int status, String message, Throwable cause, String where) {
        String text;
        if (status == 500) {
            text = InternalErrors.report(where, cause);
        } else {
            String reason = HttpStatus.getMessage(status);
            text = status + " " + reason + (message == null || message.isBlank() || message.equals(reason) ? "" : ": " + message);
        }
        try {
            return Json.shared().writeValueAsString(Map.of("error", text));
        } catch (JsonProcessingException e) {
            return "{\"error\":\"" + status + "\"}";
        }
    }
}
