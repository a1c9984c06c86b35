// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The error handler of the servlet context Javalin runs in, for failures that escape Javalin's own mapping (see
 * {@link JsonErrorHandler}, its server-level twin): JSON and the security headers, never an HTML page.
 */
public final class JsonServletErrorHandler extends ErrorHandler {
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
