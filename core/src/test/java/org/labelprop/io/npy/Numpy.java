// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a snippet with a Python that has NumPy: {@code $PYTHON}, else the first {@code python3} on PATH, else
 * {@code /usr/bin/python3}. Skips the calling test when none has NumPy, unless the environment variable CI is set.
 */
final class Numpy {
    private Numpy() { }

    static String run(String code, String... args) throws Exception {
        String python = python();
        List<String> cmd = new ArrayList<>(List.of(python, "-c", code));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("python timed out: " + out);
        }
        assertEquals(0, p.exitValue(), "python failed: " + out);
        return out;
    }

    private static String python() throws Exception {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("PYTHON") != null) candidates.add(System.getenv("PYTHON"));
        candidates.addAll(List.of("python3", "/usr/bin/python3"));
        for (String c : candidates) {
            try {
                Process p = new ProcessBuilder(c, "-c", "import numpy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return c;
            } catch (IOException e) {
                // try the next one
            }
        }
        String message = "no python3 with numpy found (tried " + candidates + ")";
        if (System.getenv("CI") != null) fail(message + "; CI must install it");
        Assumptions.assumeTrue(false, message + "; numpy round trip skipped");
        return null;
    }
}
