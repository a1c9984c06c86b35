// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a file all or nothing: into a temporary file in the same directory, renamed over the target when complete
 * (atomic move where the file system allows, else replace); on any failure the temporary file is deleted.
 */
public final class AtomicFiles {
    private static final int BUFFER = 1 << 16;

    /** Writes a file's content to a stream. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** Whether the name asks for gzip: it ends with ".gz" (any case). */
    static boolean gzipByName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** Writes {@code body} to {@code target}, gzip-compressed (fastest level, as nibabel) when the name ends in ".gz". */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        boolean done = false;
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), BUFFER);
                 OutputStream out = gzipByName(target) ? fastGzip(file) : file) {
                body.writeTo(out);
            }
            move(tmp, abs);
            done = true;
        } finally {
            if (!done) Files.deleteIfExists(tmp);
        }
    }

    /** Renames {@code source} over {@code target}: atomically where the file system allows, else replacing it. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target}, all or nothing. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A gzip stream at the fastest level (as nibabel); closing it closes {@code out}. */
    static GZIPOutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, BUFFER) {
            { def.setLevel(Deflater.BEST_SPEED); }
        };
    }
}
