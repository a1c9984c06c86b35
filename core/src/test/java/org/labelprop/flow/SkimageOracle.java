// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

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

/** Runs {@code skimage_oracle.py} (test resource) with Debian's /usr/bin/python3; skips, or fails on CI, without scikit-image. */
final class SkimageOracle {
    static final String PYTHON = "/usr/bin/python3";

    private SkimageOracle() { }

    static void requireSkimage() throws Exception {
        boolean ok;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import skimage.registration").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        String message = PYTHON + " cannot import skimage (apt-get install python3-skimage, or bin/ensure-packages py:skimage)";
        if (!ok && System.getenv("CI") != null) fail(message + "; CI must install it");
        Assumptions.assumeTrue(ok, message + "; oracle test skipped");
    }

    /** Runs the script in {@code mode} ("flow" or "warp") over {@code dir}; fails with its output when it fails. */
    static void run(String mode, Path dir) throws Exception {
        Path script = dir.resolve("skimage_oracle.py");
        try (InputStream in = SkimageOracle.class.getResourceAsStream("skimage_oracle.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), mode, dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("skimage oracle timed out: " + output);
        }
        assertEquals(0, p.exitValue(), "skimage oracle failed: " + output);
    }

    static void write(Path file, float[]... parts) throws IOException {
        int n = 0;
        for (float[] a : parts) n += a.length;
        ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] a : parts) for (float v : a) b.putFloat(v);
        Files.write(file, b.array());
    }

    static float[] read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        b.asFloatBuffer().get(v);
        return v;
    }
}
