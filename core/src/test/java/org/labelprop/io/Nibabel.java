// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.file.Path;

/** Runs the nibabel oracle script (test resource) with Debian's /usr/bin/python3; skips, or fails on CI, without nibabel. */
final class Nibabel {
    private Nibabel() {}

    /** Skips the calling test when nibabel is missing, unless the environment variable CI is set: then it fails. */
    static void requireNibabel() {
        Oracles.requirePython("nibabel", "python3-nibabel");
    }

    /** Runs {@code nibabel_oracle.py mode dir}; fails with the script's output when it does not exit with 0. */
    static void run(String mode, Path dir) throws Exception {
        Oracles.script(Nibabel.class, "nibabel_oracle.py", dir, mode, dir.toString());
    }

    /** A dump written by the script: little-endian float64, x fastest. */
    static double[] dump(Path file) throws IOException { return Oracles.dump(file); }

    static double[] numbers(String[] tokens, int from, int count) { return Oracles.numbers(tokens, from, count); }
}
