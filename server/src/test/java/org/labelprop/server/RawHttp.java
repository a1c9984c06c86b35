// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests java.net.http will not send (any {@code Host}, half bodies, stalls):
 * one request per connection ({@code Connection: close}), the answer read to the end. Also used by the CLI's probe suite.
 */
public final class RawHttp {
    /** A parsed answer; header names in lower case. */
    public record Response(int status, Map<String, String> headers, String body, long millis) {
        public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    }

    private RawHttp() { }

    /**
     * Sends {@code method path} with the given header lines (e.g. "Host: evil.example") and body; adds Content-Length for a
     * body and {@code Connection: close}; adds {@code Host: 127.0.0.1:port} unless a Host line is given.
     */
    public static Response send(int port, String method, String path, byte[] body, String... headers) throws IOException {
        long t0 = System.nanoTime();
        try (Socket s = connect(port)) {
            s.getOutputStream().write(head(port, method, path, body == null ? -1 : body.length, headers));
            try {
                if (body != null) s.getOutputStream().write(body);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the server answered (e.g. 413, 507) and closed before taking the whole body: its answer is what counts
                try {
                    return read(s.getInputStream(), t0);
                } catch (IOException unread) {
                    e.addSuppressed(unread);
                    throw e;
                }
            }
            return read(s.getInputStream(), t0);
        }
    }

    /** An open socket to the server on loopback, 30 s read timeout. */
    public static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(30_000);
        return s;
    }

    /** The request line and headers as bytes; {@code contentLength} < 0 sends no Content-Length. */
    public static byte[] head(int port, String method, String path, long contentLength, String... headers) {
        StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            host |= h.regionMatches(true, 0, "Host:", 0, 5);
            b.append(h).append("\r\n");
        }
        if (!host) b.append("Host: 127.0.0.1:").append(port).append("\r\n");
        if (contentLength >= 0) b.append("Content-Length: ").append(contentLength).append("\r\n");
        b.append("Connection: close\r\n\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads one answer to the end of the connection (chunked bodies are decoded). */
    public static Response read(InputStream in, long startNanos) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) throw new IOException("no complete HTTP answer (" + all.length + " bytes)");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8), (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static byte[] unchunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int eol = indexOf(b, i);
            if (eol < 0) break;
            int n = Integer.parseInt(new String(b, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (n == 0) break;
            out.write(b, eol + 2, Math.min(n, b.length - eol - 2));
            i = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }
}
