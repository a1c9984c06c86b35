// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * File operations that never leave a half-written file under its final name: write a sibling temp file, then rename.
 * A crash (even kill -9) leaves either the old file or the new one, plus at worst a stray {@code .tmp-*} file.
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** Writes {@code value} as JSON to {@code target} atomically. */
    public static void writeJson(ObjectMapper json, Path target, Object value) throws IOException {
        org.labelprop.io.AtomicFiles.write(target, out -> json.writeValue(out, value));
    }

    /** Renames {@code source} to {@code target} atomically, replacing it; both must be on one file system. */
    public static void move(Path source, Path target) throws IOException {
        org.labelprop.io.AtomicFiles.move(source, target);
    }

    /** Deletes a file or directory tree; missing is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                deleteQuietly(file);
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                deleteQuietly(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path p) throws IOException {
        try {
            Files.deleteIfExists(p);
        } catch (NoSuchFileException ignored) {
            // raced with another delete: the goal is reached
        }
    }
}
