// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupted archives end in an IOException with a message, never in another exception or a huge allocation. */
class NpzFuzzTest {
    @Test
    void corruptedArchivesFailCleanly(@TempDir Path dir) throws IOException {
        byte[] good;
        try (InputStream in = Fixtures.stream("plugin.npz")) { good = in.readAllBytes(); }
        Random random = new Random(7);
        int failures = 0;
        for (int round = 0; round < 300; round++) {
            byte[] bad = good.clone();
            for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            if (round % 10 == 0) bad = java.util.Arrays.copyOf(bad, random.nextInt(bad.length));
            Path f = Files.write(dir.resolve("f" + round + ".npz"), bad);
            try (NpzReader npz = NpzReader.open(f, "fuzz")) {
                for (String name : npz.names()) npz.floats(name, NpyOrder.FORTRAN, 1000);
            } catch (IOException e) {
                assertThat(e.getMessage()).as(() -> { var w = new java.io.StringWriter(); e.printStackTrace(new java.io.PrintWriter(w)); return w.toString(); }).isNotBlank();
                failures++;
            }
        }
        assertThat(failures).isGreaterThan(100);
    }
}
