// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.labelprop.server.ServerConfig;
import org.labelprop.server.api.ApiException;

/**
 * The one filter in front of everything the server answers (UI files, API, unknown paths), run before authentication.
 * In this order:
 * <ol>
 *   <li>Security headers on the response ({@link SecurityHeaders}).</li>
 *   <li>{@code Host} must name this server: {@code localhost}, an IP address, the bound host or a configured
 *       {@code --allowed-host}; anything else is 421 (a DNS-rebinding page has its own name in Host). A missing Host
 *       (HTTP/1.0) passes.</li>
 *   <li>{@code Origin}, when present, must be this server's own (same host and port as Host) or a configured
 *       {@code --allow-origin}; anything else, {@code null} included, is 403. Configured origins get CORS headers and
 *       their preflight ({@code OPTIONS}) is answered 204 here.</li>
 *   <li>POST and PATCH need {@code Content-Type: application/json}, PUT one of {@link #UPLOAD_TYPES}; anything else
 *       (a missing type included) is 415. Browsers send text/plain, form-encoded and multipart bodies cross-site
 *       without asking; these types they never send without the CORS preflight that step 3 refuses.</li>
 * </ol>
 * <p><b>Exemption hook.</b> {@link #acceptBodyType} lets named routes accept one more body type, e.g.
 * {@code policy.acceptBodyType("multipart/form-data", List.of("/inference", "/training"))} for routes of a client that
 * posts forms. Only the type rule is relaxed, for exactly those paths; Host and Origin are still checked (a non-browser
 * client sends Host {@code localhost:PORT} or an IP address and no Origin, which pass).
 */
public final class RequestPolicy implements Handler {
    /** Body types a PUT (a NIfTI or checkpoint upload) may declare. */
    public static final Set<String> UPLOAD_TYPES = Set.of("application/octet-stream", "application/gzip", "application/x-gzip",
        "application/x-nifti");
    public static final String JSON = "application/json";
    private final Set<String> hosts = new HashSet<>();
    private final Set<String> origins = new HashSet<>();
    private final Map<String, Set<String>> extraTypes = new ConcurrentHashMap<>();
    private final Set<String> emptyPosts = ConcurrentHashMap.newKeySet();

    public RequestPolicy(ServerConfig config) {
        for (String h : config.allowedHosts()) {
            Authority a = Authority.parse(h, 0);
            if (a == null) throw new IllegalArgumentException("--allowed-host '" + h + "' is not a host name");
            hosts.add(a.host());
        }
        Authority bound = Authority.parse(config.host(), 0);
        if (bound != null) hosts.add(bound.host());
        for (String o : config.allowedOrigins()) {
            String n = Cors.normalise(o);
            if (Cors.authority(n) == null)
                throw new IllegalArgumentException("--allow-origin '" + o + "' is not a web origin such as https://ui.example.org");
            origins.add(n);
        }
    }

    /**
     * The exemption hook: requests to exactly these paths may also carry bodies of {@code mediaType} (e.g.
     * "multipart/form-data"); every other rule still applies. Call before the server starts taking requests.
     */
    public RequestPolicy acceptBodyType(String mediaType, Collection<String> exactPaths) {
        String t = mediaType.toLowerCase(Locale.ROOT);
        for (String p : exactPaths) extraTypes.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(t);
        return this;
    }

    /**
     * The exemption hook for clients that post nothing: requests to exactly these paths may be bodiless POSTs without a
     * Content-Type (e.g. a query-only command); every other rule still applies.
     */
    public RequestPolicy acceptEmptyPost(Collection<String> exactPaths) {
        emptyPosts.addAll(exactPaths);
        return this;
    }

    @Override public void handle(Context ctx) {
        SecurityHeaders.apply(ctx.path(), ctx::header);
        String hostHeader = ctx.header("Host");
        Authority host = checkHost(hostHeader);
        String origin = ctx.header("Origin");
        if (origin != null && checkOrigin(origin, host)) {
            Cors.allow(ctx, origin);
            if (Cors.isPreflight(ctx)) {
                Cors.preflight(ctx);
                ctx.status(204);
                ctx.skipRemainingHandlers();
                return;
            }
        }
        checkBodyType(ctx);
    }

    private Authority checkHost(String header) {
        if (header == null) return null;
        Authority a = Authority.parse(header, 80);
        if (a != null && (a.isLocalhost() || a.isIpLiteral() || hosts.contains(a.host()))) return a;
        throw new ApiException(421, "this server does not answer to the host name '" + header + "'; use localhost or an IP"
            + " address, or start it with --allowed-host NAME");
    }

    /** True when {@code origin} is a configured remote origin (CORS); false for this server's own; else 403. */
    private boolean checkOrigin(String origin, Authority host) {
        String o = Cors.normalise(origin);
        if (origins.contains(o)) return true;
        Authority own = Cors.authority(o);
        if (own != null && host != null && own.host().equals(host.host()) && (own.port() == host.port()
            || host.port() == 80 && own.port() == 443)) return false; // https at a TLS proxy, plain http here
        throw new ApiException(403, "cross-origin request from " + origin + " refused: this server answers only its own pages"
            + (origins.isEmpty() ? "; to use a UI served elsewhere, start it with --allow-origin ORIGIN" : " and " + List.copyOf(origins)));
    }

    private void checkBodyType(Context ctx) {
        String method = ctx.method().name();
        boolean put = method.equals("PUT");
        if (!put && !method.equals("POST") && !method.equals("PATCH")) return;
        String type = mediaType(ctx.header("Content-Type"));
        if (type != null && (put ? UPLOAD_TYPES.contains(type) : type.equals(JSON))) return;
        if (type == null && method.equals("POST") && emptyPosts.contains(ctx.path()) && ctx.contentLength() <= 0) return;
        Set<String> extra = extraTypes.get(ctx.path());
        if (type != null && extra != null && extra.contains(type)) return;
        String wanted = put ? "application/octet-stream (or application/gzip)" : JSON;
        throw new ApiException(415, method + " " + ctx.path() + " needs 'Content-Type: " + wanted + "', got "
            + (type == null ? "none" : "'" + type + "'") + " (other types are refused: browsers send them cross-site)");
    }

    /** The media type of a Content-Type value, lower case, without parameters; null when absent or blank. */
    static String mediaType(String contentType) {
        if (contentType == null) return null;
        int semi = contentType.indexOf(';');
        String t = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }
}
