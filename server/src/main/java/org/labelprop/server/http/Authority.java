// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.http;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host name and port of a {@code Host} header or of an origin's authority, normalised: lower case, brackets and a
 * trailing dot removed, the scheme's default port filled in. No DNS lookup is ever made.
 */
record Authority(String host, int port) {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*(%[0-9a-z._~-]+)?");
    private static final Pattern NAME = Pattern.compile("[0-9a-z._~%:-]+");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    /** Parses {@code name}, {@code name:port}, {@code [v6]} or {@code [v6]:port}; null when malformed. */
    static Authority parse(String text, int defaultPort) {
        if (text == null) return null;
        String s = text.trim().toLowerCase(Locale.ROOT);
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) return null;
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) return null;
                port = rest.substring(1);
            }
            if (!IPV6.matcher(host).matches()) return null;
        } else {
            int colon = s.lastIndexOf(':');
            host = colon < 0 ? s : s.substring(0, colon);
            if (colon >= 0) port = s.substring(colon + 1);
            if (host.indexOf(':') >= 0) return null;
        }
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.isEmpty() || !NAME.matcher(host).matches()) return null;
        int p = defaultPort;
        if (port != null) {
            if (!PORT.matcher(port).matches()) return null;
            p = Integer.parseInt(port);
            if (p > 65535) return null;
        }
        return new Authority(host, p);
    }

    /** An IP address literal: such a name cannot be re-pointed by DNS, so it cannot be used for DNS rebinding. */
    boolean isIpLiteral() { return IPV4.matcher(host).matches() || (host.indexOf(':') >= 0 && IPV6.matcher(host).matches()); }

    /** {@code localhost} itself (RFC 6761: resolved to loopback without DNS); names under it are not trusted. */
    boolean isLocalhost() { return host.equals("localhost"); }
}
