// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's server-level error handler, for requests rejected before the application sees them (malformed URIs, headers
 * too large, bad HTTP): a JSON {@code {"error": …}} body with the security headers instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
    @Override public boolean errorPageForMethod(String method) { return !"HEAD".equals(method); }

    @Override protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                         List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
        SecurityHeaders.apply(request.getHttpURI().getPath(), response.getHeaders()::put);
        return super.generateAcceptableResponse(request, response, callback, "application/json", List.of(StandardCharsets.UTF_8), code,
            message, cause);
    }

    @Override protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(ErrorBodies.body(code, message, cause, request.getMethod() + " " + request.getHttpURI().getPath()));
    }
}
