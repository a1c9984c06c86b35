// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Bearer-token check for every /api call except health. GET requests may pass the token as {@code ?token=} instead,
 * because browsers cannot add headers to EventSource or to image URLs handed to a viewer.
 */
public final class Auth implements Handler {
    private final byte[] token;

    public Auth(String token) { this.token = token.getBytes(StandardCharsets.UTF_8); }

    @Override public void handle(Context ctx) {
        if (ctx.path().equals("/api/health")) return;
        String header = ctx.header(Header.AUTHORIZATION);
        String given = null;
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) given = header.substring(7).trim();
        else if (ctx.method().name().equals("GET")) given = ctx.queryParam("token");
        // constant-time comparison: no timing hints about the token
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8)))
            throw new ApiException(401, given == null ? "missing token: send 'Authorization: Bearer <token>'" : "wrong token",
                Map.of(Header.WWW_AUTHENTICATE, "Bearer realm=\"labelprop\""));
    }
}
