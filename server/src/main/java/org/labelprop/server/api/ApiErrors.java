// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import java.nio.file.Path;
import java.util.Map;
import org.labelprop.UserInputException;
import org.labelprop.io.NiftiFormatException;
import org.labelprop.nn.checkpoint.CheckpointFormatException;
import org.labelprop.server.jobs.QueueFullException;
import org.labelprop.server.store.Ids;
import org.labelprop.server.store.PathNames;
import org.labelprop.server.store.UnknownResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a JSON body {@code {"error": "…"}} with a fitting status: malformed request 400, unknown resource
 * 404, unusable input ({@link UserInputException}, unusable NIfTI or checkpoint) 422, full queue 429 with Retry-After,
 * anything unexpected 500 with an error id (the log has the exception under that id). No message
 * shows a path inside the data directory (see {@link PathNames#hide}).
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final Path dataDir;

    private ApiErrors(Path dataDir) { this.dataDir = dataDir; }

    /** Registers the handlers; messages mentioning a path inside {@code dataDir} are rewritten without it. */
    public static void register(RoutesConfig routes, Path dataDir) { new ApiErrors(dataDir).register(routes); }

    private void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            send(ctx, e.status(), e.getMessage());
        });
        routes.exception(UnknownResourceException.class, (e, ctx) -> send(ctx, 404, e.getMessage()));
        routes.exception(NiftiFormatException.class, (e, ctx) -> send(ctx, 422, e.getMessage()));
        routes.exception(CheckpointFormatException.class, (e, ctx) -> send(ctx, 422, e.getMessage()));
        routes.exception(UserInputException.class, (e, ctx) -> send(ctx, 422, e.getMessage()));
        routes.exception(QueueFullException.class, (e, ctx) -> {
            ctx.header(Header.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            send(ctx, 429, e.getMessage());
        });
        routes.exception(UnsupportedOperationException.class, (e, ctx) -> send(ctx, 501, e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            String errorId = Ids.next();
            LOG.error("{} {} failed: internal error {}", ctx.method(), ctx.path(), errorId, e);
            send(ctx, 500, "internal error " + errorId + " (the server log has the details)");
        });
        routes.error(404, ctx -> {
            if (isEmpty(ctx)) send(ctx, 404, "no such resource: " + ctx.method() + " " + ctx.path());
        });
        routes.error(405, ctx -> {
            if (isEmpty(ctx)) send(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path());
        });
    }

    private static boolean isEmpty(Context ctx) {
        String r = ctx.result();
        return r == null || r.isEmpty();
    }

    private void send(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message == null ? "error" : PathNames.hide(message, dataDir)));
    }
}
