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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Independent tools the I/O tests compare against (Debian packages: python3-nibabel, python3-pydicom, python3-vtk9,
 * plastimatch, dcm2niix). A missing tool skips the test with a message naming the package, except on CI (environment
 * variable CI set), where bin/test installs them and a missing one fails.
 */
public final class Oracles {
    public static final String PYTHON = "/usr/bin/python3";

    private Oracles() {}

    /** Skips (fails on CI) unless Debian's python imports {@code module}. */
    public static void requirePython(String module, String debianPackage) {
        require(runs(PYTHON, "-c", "import " + module), PYTHON + " cannot import " + module + " (apt-get install " + debianPackage + ")");
    }

    /** Skips (fails on CI) unless {@code command} is on the PATH. */
    public static void requireCommand(String command, String debianPackage) {
        require(runs("sh", "-c", "command -v " + command), command + " is not installed (apt-get install " + debianPackage + ")");
    }

    private static void require(boolean ok, String message) {
        if (!ok && System.getenv("CI") != null) fail(message + "; CI must install it");
        Assumptions.assumeTrue(ok, message + "; oracle test skipped");
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Copies the test resource {@code script} (next to {@code anchor}) into {@code dir} and runs it with Debian's python. */
    public static String script(Class<?> anchor, String script, Path dir, String... args) throws Exception {
        Path file = dir.resolve(script);
        try (InputStream in = anchor.getResourceAsStream(script)) {
            Files.write(file, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, file.toString()));
        command.addAll(List.of(args));
        return run(dir, command.toArray(String[]::new));
    }

    /** Runs a command in {@code dir} (at most two minutes); fails with its output unless it exits with 0. */
    public static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " timed out: " + output);
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed: " + output);
        return output;
    }

    /** A dump written by an oracle script: little-endian float64, x fastest. */
    public static double[] dump(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] v = new double[b.remaining() / 8];
        b.asDoubleBuffer().get(v);
        return v;
    }

    /** {@code count} numbers from whitespace-split tokens, starting at {@code from}. */
    public static double[] numbers(String[] tokens, int from, int count) {
        double[] r = new double[count];
        for (int i = 0; i < count; i++) r[i] = Double.parseDouble(tokens[from + i]);
        return r;
    }
}
