// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the nibabel oracle script (test resource) with Debian's /usr/bin/python3; skips, or fails on CI, without nibabel. */
final class Nibabel {
    static final String PYTHON = "/usr/bin/python3";

    private Nibabel() {}

    /** Skips the calling test when nibabel is missing, unless the environment variable CI is set: then it fails. */
    static void requireNibabel() throws Exception {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import nibabel").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        String message = PYTHON + " cannot import nibabel (apt-get install python3-nibabel)";
        if (!ok && System.getenv("CI") != null) fail(message + "; CI must install it");
        Assumptions.assumeTrue(ok, message + "; oracle test skipped");
    }

    /** Runs {@code nibabel_oracle.py mode dir}; fails with the script's output when it does not exit with 0. */
    static void run(String mode, Path dir) throws Exception {
        Path script = dir.resolve("nibabel_oracle.py");
        try (InputStream in = Nibabel.class.getResourceAsStream("nibabel_oracle.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), mode, dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("nibabel oracle timed out: " + output);
        }
        assertEquals(0, p.exitValue(), "nibabel oracle failed: " + output);
    }

    /** A dump written by the script: little-endian float64, x fastest. */
    static double[] dump(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(v);
        return v;
    }

    static double[] numbers(String[] tokens, int from, int count) {
        double[] r = new double[count];
        for (int i = 0; i < count; i++) r[i] = Double.parseDouble(tokens[from + i]);
        return r;
    }
}
