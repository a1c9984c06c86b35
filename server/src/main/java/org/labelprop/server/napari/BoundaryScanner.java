// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a multipart body through a 64 KiB window: copies content up to the next delimiter ({@code CRLF--boundary}),
 * keeping back only the bytes that may begin one. A virtual CRLF precedes the body, so the first delimiter needs no
 * special case. Counts the bytes read and refuses (413) more than the limit.
 */
final class BoundaryScanner {
    private final InputStream in;
    private final byte[] delimiter;
    private final long maxBytes;
    private final byte[] buf = new byte[1 << 16];
    private int start, end = 2;
    private long total;
    private boolean eof;

    BoundaryScanner(InputStream in, byte[] delimiter, long maxBytes) {
        if (delimiter.length > 200) throw MultipartForm.bad("boundary longer than 70 characters");
        this.in = in;
        this.delimiter = delimiter;
        this.maxBytes = maxBytes;
        buf[0] = '\r';
        buf[1] = '\n';
    }

    /** Copies up to the next delimiter and consumes it; returns the bytes copied, or -1 when the body ended first. */
    long copyToDelimiter(OutputStream out) throws IOException {
        long copied = 0;
        while (true) {
            int i = indexOfDelimiter();
            if (i >= 0) {
                out.write(buf, start, i - start);
                copied += i - start;
                start = i + delimiter.length;
                return copied;
            }
            int safe = end - (delimiter.length - 1);
            if (safe > start) {
                out.write(buf, start, safe - start);
                copied += safe - start;
                start = safe;
            }
            if (eof) return -1;
            readMore();
        }
    }

    /** The next {@code n} bytes as text ("" at the end of the body). */
    String take(int n) throws IOException {
        while (end - start < n && !eof) readMore();
        int k = Math.min(n, end - start);
        String s = new String(buf, start, k, StandardCharsets.ISO_8859_1);
        start += k;
        return s;
    }

    /** The header lines of a part, up to and without the blank line, consumed. */
    String headers(int max) throws IOException {
        while (true) {
            for (int i = start; i + 3 < end; i++)
                if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                    String h = new String(buf, start, i - start, StandardCharsets.UTF_8);
                    start = i + 4;
                    return h;
                }
            if (end - start > max) throw MultipartForm.bad("part headers longer than " + max + " bytes");
            if (eof) throw MultipartForm.bad("the body ends inside part headers");
            readMore();
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        outer:
        for (int i = start, last = end - delimiter.length; i <= last; i++) {
            if (buf[i] != first) continue;
            for (int k = 1; k < delimiter.length; k++) if (buf[i + k] != delimiter[k]) continue outer;
            return i;
        }
        return -1;
    }

    private void readMore() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) throw MultipartForm.bad("no delimiter within " + buf.length + " bytes");
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
            return;
        }
        total += n;
        if (total > maxBytes)
            throw new CompatException(413, "upload too large: the limit is " + maxBytes + " bytes (start the server with a larger --max-upload)");
        end += n;
    }
}
