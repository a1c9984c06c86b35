// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of this process (Linux {@code VmHWM}), which counts native (libtorch) memory as well as the
 * Java heap. {@link #reset()} restarts the peak (writing 5 to {@code /proc/self/clear_refs}) so each measured step
 * gets its own figure.
 */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() { }

    static void reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux or not allowed: the figure is then the peak since start, which is still an upper bound
        }
    }

    /** Peak RSS in MB, or -1 when unknown. */
    static long peakMb() {
        try {
            for (String line : Files.readAllLines(STATUS))
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
