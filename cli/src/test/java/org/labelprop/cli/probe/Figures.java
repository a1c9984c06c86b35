// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Each probe's measured figures: printed, and appended to {@code target/probe-figures.txt} for the record. */
final class Figures {
    private static final Path FILE = Path.of("target", "probe-figures.txt");

    private Figures() { }

    static void report(String probe, String figures) {
        String line = String.format("PROBE %-34s %s%n", probe, figures);
        System.out.print(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long millisSince(long startNanos) { return (System.nanoTime() - startNanos) / 1_000_000; }
}
