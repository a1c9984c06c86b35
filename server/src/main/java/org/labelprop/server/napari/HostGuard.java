// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only protection of the napari-compatible routes, which cannot carry a token (the plugin sends none): the
 * {@code Host} header must name this machine by a loopback name or an allow-listed one (421 otherwise; this defeats DNS
 * rebinding), and a request carrying an {@code Origin} header must come from this very server's pages (403 otherwise),
 * so no web page can drive these routes. The plugin sends {@code Host: localhost:PORT} (or whatever it was configured
 * with) and no Origin.
 */
final class HostGuard {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private final Set<String> allowed;

    /** @param allowed lower-case host names or IP literals accepted besides loopback ones */
    HostGuard(Set<String> allowed) { this.allowed = allowed; }

    void check(Context ctx) {
        String hostHeader = ctx.header("Host");
        if (hostHeader == null || hostHeader.isBlank()) throw new CompatException(400, "missing Host header");
        String host = hostOf(hostHeader);
        if (!isLoopback(host) && !allowed.contains(host))
            throw new CompatException(421, "the napari-compatible API answers only requests addressed to localhost or to a host"
                + " given with --allowed-host; this one was addressed to '" + host + "'");
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + hostHeader.strip()))
            throw new CompatException(403, "the napari-compatible API does not accept requests from web pages (Origin " + origin + ")");
    }

    /** The host part of a Host header: without the port, IPv6 brackets removed, lower case. */
    static String hostOf(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(host).matches();
    }
}
