// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a stored file, honouring a single HTTP byte range ({@code Range: bytes=a-b}, {@code a-}, {@code -n}) with 206;
 * other range forms get the whole file. A {@code .nii.gz} goes out as {@code application/gzip} bytes and never with
 * {@code Content-Encoding: gzip}, or browsers would silently unpack it.
 */
final class Downloads {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private Downloads() { }

    static void send(Context ctx, Path file, String downloadName) throws IOException {
        String name = file.getFileName().toString();
        String type = name.endsWith(".gz") ? "application/gzip" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
        String range = ctx.header("Range");
        long[] wanted = parseRange(range); // before opening: a malformed range must not leave a file open
        FileChannel ch;
        try {
            // open first: a concurrent replacement renames over the path but this channel keeps the old file
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ApiException(404, "file " + downloadName + " is gone (deleted or replaced meanwhile); retry");
        }
        boolean handedOver = false;
        try {
            long size = ch.size(), from = 0, to = size - 1;
            if (wanted != null) {
                if (wanted[0] < 0) {
                    from = Math.max(0, size - wanted[1]);
                } else {
                    from = wanted[0];
                    if (wanted[1] >= 0) to = Math.min(to, wanted[1]);
                }
                if (from >= size || from > to)
                    throw new ApiException(416, "range " + range + " is outside the file's " + size + " bytes",
                        java.util.Map.of("Content-Range", "bytes */" + size));
                ctx.status(206).header("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
            ch.position(from);
            InputStream in = new BoundedStream(Channels.newInputStream(ch), to - from + 1);
            ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
            ctx.header("Accept-Ranges", "bytes");
            ctx.header("Content-Length", Long.toString(to - from + 1));
            ctx.contentType(type).result(in); // Javalin closes the stream (and so the channel) once it is written or fails
            handedOver = true;
        } finally {
            if (!handedOver) ch.close();
        }
    }

    /**
     * A single byte range {@code {from, to}} ({@code -1} = open end; {@code {-1, n}} = the last n bytes), or null for
     * none or a form this server does not serve partially (the whole file goes out).
     * @throws ApiException 416 for numbers beyond any file size
     */
    static long[] parseRange(String range) {
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) return null;
        try {
            long a = m.group(1).isEmpty() ? -1 : Long.parseLong(m.group(1));
            long b = m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2));
            return new long[] {a, b};
        } catch (NumberFormatException e) {
            throw new ApiException(416, "range " + range + " is beyond any file's size");
        }
    }

    /** At most {@code remaining} bytes of the underlying stream. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override public int read() throws IOException {
            if (remaining <= 0) return -1;
            int b = super.read();
            if (b >= 0) remaining--;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) return -1;
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) remaining -= n;
            return n;
        }
    }
}
