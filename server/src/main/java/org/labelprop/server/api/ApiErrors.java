// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import org.labelprop.server.json.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.labelprop.UserInputException;
import org.labelprop.io.VolumeFormatException;
import org.labelprop.io.dicom.DicomConversionException;
import org.labelprop.nn.checkpoint.CheckpointFormatException;
import org.labelprop.server.http.SecurityHeaders;
import org.labelprop.server.jobs.QueueFullException;
import org.labelprop.server.limits.ServerBusyException;
import org.labelprop.server.limits.VolumeTooLargeException;
import org.labelprop.server.store.PathNames;
import org.labelprop.server.store.StorageErrors;
import org.labelprop.server.store.UnknownResourceException;

/**
 * Maps every failure to a JSON body {@code {"error": "…"}} with a fitting status: malformed request 400, unknown resource
 * 404, volume too large for this server 413, unusable input ({@link UserInputException}, volume file or checkpoint) 422, full queue 429 with Retry-After, busy
 * (memory, upload slots) 503 with Retry-After, full disk 507; anything unexpected 500 with an error id whose details
 * are only in the log ({@link InternalErrors}). No message shows a path inside the data directory ({@link PathNames#hide}).
 */
public final class ApiErrors {
    private final Path dataDir;

    private ApiErrors(Path dataDir) { this.dataDir = dataDir; }

    /** Registers the handlers; messages mentioning a path inside {@code dataDir} are rewritten without it. */
    public static void register(JavalinConfig cfg, Path dataDir) {
        new ApiErrors(dataDir).register(cfg.routes);
        cfg.router.javaLangErrorHandler(ApiErrors::error);
    }

    private void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            send(ctx, e.status(), e.getMessage());
        });
        routes.exception(UnknownResourceException.class, (e, ctx) -> send(ctx, 404, e.getMessage()));
        routes.exception(VolumeTooLargeException.class, (e, ctx) -> send(ctx, 413, e.getMessage()));
        routes.exception(VolumeFormatException.class, (e, ctx) -> send(ctx, 422, e.getMessage()));
        routes.exception(DicomConversionException.class, (e, ctx) -> send(ctx, 422, e.getMessage()));
        routes.exception(CheckpointFormatException.class, (e, ctx) -> send(ctx, 422, e.getMessage()));
        routes.exception(UserInputException.class, (e, ctx) -> send(ctx, 422, e.getMessage()));
        routes.exception(QueueFullException.class, (e, ctx) -> {
            ctx.header(Header.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            send(ctx, 429, e.getMessage());
        });
        routes.exception(ServerBusyException.class, (e, ctx) -> {
            ctx.header(Header.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            send(ctx, 503, e.getMessage());
        });
        routes.exception(UnsupportedOperationException.class, (e, ctx) -> send(ctx, 501, e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() >= 500) send(ctx, e.getStatus(), InternalErrors.report(ctx.method() + " " + ctx.path(), e));
            else send(ctx, e.getStatus(), e.getMessage());
        });
        routes.exception(IOException.class, (e, ctx) -> {
            if (StorageErrors.isFull(e)) send(ctx, 507, diskFull());
            else send(ctx, 500, InternalErrors.report(ctx.method() + " " + ctx.path(), e));
        });
        routes.exception(Exception.class, (e, ctx) -> send(ctx, 500, InternalErrors.report(ctx.method() + " " + ctx.path(), e)));
        routes.error(404, ctx -> {
            if (isEmpty(ctx)) send(ctx, 404, "no such resource: " + ctx.method() + " " + ctx.path());
        });
        routes.error(405, ctx -> {
            if (isEmpty(ctx)) send(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path());
        });
    }

    /** The message for a full disk (or a file size limit): the client can do nothing but wait for an operator. */
    public static String diskFull() {
        return "the server's disk is full (or its file size limit is reached); nothing was stored. Ask its operator to free space, then retry";
    }

    /** Errors (OutOfMemoryError, StackOverflowError…) that escape a handler: 503 for memory, else 500; JSON either way. */
    private static void error(HttpServletResponse res, Error e) {
        boolean memory = e instanceof OutOfMemoryError;
        String message = InternalErrors.report("request", e);
        if (memory) message = "the server ran out of memory for this request; retry later (" + message + ")";
        try {
            if (res.isCommitted()) return;
            res.reset();
            SecurityHeaders.apply(null, res::setHeader);
            res.setStatus(memory ? 503 : 500);
            if (memory) res.setHeader(Header.RETRY_AFTER, "10");
            res.setContentType("application/json");
            res.getOutputStream().write(Json.shared().writeValueAsString(Map.of("error", message)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException ignored) {
            // the client is gone or the response is unusable; the log has the error
        }
    }

    private static boolean isEmpty(Context ctx) {
        String r = ctx.result();
        return r == null || r.isEmpty();
    }

    private void send(Context ctx, int status, String message) {
        SecurityHeaders.apply(ctx.path(), ctx::header);
        ctx.status(status).json(Map.of("error", message == null ? "error" : PathNames.hide(message, dataDir)));
    }
}
