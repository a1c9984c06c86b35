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
        FileChannel ch;
        try {
            // open first: a concurrent replacement renames over the path but this channel keeps the old file
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ApiException(404, "file " + downloadName + " is gone (deleted or replaced meanwhile); retry");
        }
        long size = ch.size(), from = 0, to = size - 1;
        String range = ctx.header("Range");
        Matcher m = range == null ? null : RANGE.matcher(range.trim());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
            if (m.group(1).isEmpty()) {
                from = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                from = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) to = Math.min(to, Long.parseLong(m.group(2)));
            }
            if (from >= size || from > to) {
                ch.close();
                throw new ApiException(416, "range " + range + " is outside the file's " + size + " bytes",
                    java.util.Map.of("Content-Range", "bytes */" + size));
            }
            ctx.status(206).header("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        ch.position(from);
        InputStream in = new BoundedStream(Channels.newInputStream(ch), to - from + 1);
        ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Length", Long.toString(to - from + 1));
        ctx.contentType(type).result(in);
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
