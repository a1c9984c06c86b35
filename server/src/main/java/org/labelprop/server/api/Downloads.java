// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Sends a stored file with HTTP Range support. A {@code .nii.gz} goes out as {@code application/gzip} bytes and never
 * with {@code Content-Encoding: gzip}, or browsers would silently unpack it.
 */
final class Downloads {
    private Downloads() { }

    static void send(Context ctx, Path file, String downloadName) throws IOException {
        String name = file.getFileName().toString();
        String type = name.endsWith(".gz") ? "application/gzip" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
        InputStream in;
        long size;
        try {
            // open first: a concurrent replacement renames over the path but this stream keeps the old file
            in = Files.newInputStream(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new ApiException(404, "file " + downloadName + " is gone (deleted or replaced meanwhile); retry");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        ctx.header("Accept-Ranges", "bytes");
        ctx.writeSeekableStream(in, type, size);
    }
}
