// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.http;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * CORS for the remote UI origins configured with {@code --allow-origin} (and for nothing else): the origin is echoed
 * (never {@code *}), no credentials (the API takes a bearer token, not cookies), and the response headers the page reads
 * are exposed.
 */
final class Cors {
    private static final String METHODS = "GET, POST, PUT, DELETE";
    private static final String HEADERS = "Authorization, Content-Type, Range, Accept, Last-Event-ID";
    private static final String EXPOSED = "Location, Content-Range, Content-Disposition, Content-Length, Accept-Ranges, Retry-After";

    private Cors() { }

    /** Lower case, without a trailing slash: the form origins are compared in. */
    static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    /** Host and port of an origin ({@code scheme://host[:port]}); null for {@code null} or anything malformed. */
    static Authority authority(String normalisedOrigin) {
        int sep = normalisedOrigin.indexOf("://");
        if (sep < 0) return null;
        String scheme = normalisedOrigin.substring(0, sep);
        int defaultPort = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        if (defaultPort < 0) return null;
        String rest = normalisedOrigin.substring(sep + 3);
        if (rest.contains("/")) return null;
        return Authority.parse(rest, defaultPort);
    }

    static boolean isPreflight(Context ctx) {
        return ctx.method().name().equals("OPTIONS") && ctx.header("Access-Control-Request-Method") != null;
    }

    /** Headers for an allowed origin on any response. */
    static void allow(Context ctx, String origin) {
        ctx.header("Access-Control-Allow-Origin", origin.trim());
        ctx.header("Access-Control-Expose-Headers", EXPOSED);
        ctx.header("Vary", "Origin");
    }

    /** The extra headers of a preflight answer. */
    static void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Methods", METHODS);
        ctx.header("Access-Control-Allow-Headers", HEADERS);
        ctx.header("Access-Control-Max-Age", "600");
    }
}
