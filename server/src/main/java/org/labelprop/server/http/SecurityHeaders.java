// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Response headers every answer carries (UI files, API, errors, even Jetty's own): a Content-Security-Policy that lets
 * the page run only its own scripts (NiiVue's WebAssembly included), no framing, no MIME sniffing, no referrer, and
 * no caching of API responses (they hold patient data). {@code connect-src} allows http(s) so that the page can talk
 * to a remote server chosen in its settings; that server must allow this page's origin (see {@link RequestPolicy}).
 */
public final class SecurityHeaders {
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self' http: https: data: blob:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'");
    private static final Map<String, String> ALWAYS = always();

    private SecurityHeaders() { }

    /** Sets the headers through {@code set} (name, value); {@code path} decides the caching rule. */
    public static void apply(String path, BiConsumer<String, String> set) {
        ALWAYS.forEach(set);
        if (path != null && path.startsWith("/api/")) set.accept("Cache-Control", "no-store");
    }

    /** The headers set on every response, in order. */
    public static Map<String, String> always() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        return java.util.Collections.unmodifiableMap(h);
    }
}
