// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.labelprop.server.limits.ServerBusyException;

/** Failures that reach the error mapping become JSON with a fitting status, never HTML or an exception's text. */
class ApiErrorsTest {
    private Javalin app;

    private HttpResponse<String> get(String path) throws Exception {
        app = Javalin.create(cfg -> {
            ApiErrors.register(cfg, Path.of("/srv/labelprop"));
            cfg.routes.get("/oom", ctx -> { throw new OutOfMemoryError("Java heap space"); });
            cfg.routes.get("/full", ctx -> { throw new IOException("/srv/labelprop/tmp/x: No space left on device"); });
            cfg.routes.get("/busy", ctx -> { throw new ServerBusyException("the server is busy", 7); });
            cfg.routes.get("/bug", ctx -> { throw new IllegalStateException("secret internal detail at /srv/labelprop/jobs"); });
        }).start(0);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void stop() { if (app != null) app.stop(); }

    @Test
    void outOfMemoryIs503Json() throws Exception {
        HttpResponse<String> r = get("/oom");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).startsWith("{\"error\":").contains("ran out of memory").doesNotContain("OutOfMemoryError", "heap space");
    }

    @Test
    void aFullDiskIs507() throws Exception {
        HttpResponse<String> r = get("/full");
        assertThat(r.statusCode()).isEqualTo(507);
        assertThat(r.body()).contains("disk is full").doesNotContain("/srv", "IOException");
    }

    @Test
    void busyIs503WithRetryAfter() throws Exception {
        HttpResponse<String> r = get("/busy");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void aBugIs500WithAnIdOnly() throws Exception {
        HttpResponse<String> r = get("/bug");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).matches("\\{\"error\":\"internal error [0-9a-f]{8}: .*\"}").doesNotContain("secret", "IllegalState", "/srv");
    }
}
