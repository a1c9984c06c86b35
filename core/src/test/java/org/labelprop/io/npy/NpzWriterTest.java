// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes uint8 .npz archives that this reader and NumPy itself read back. */
class NpzWriterTest {
    @TempDir Path dir;

    private Path write() throws Exception {
        byte[] a = new byte[24], b = new byte[5];
        for (int i = 0; i < 24; i++) a[i] = (byte) (i * 11);
        b[4] = (byte) 255;
        Path f = dir.resolve("out.npz");
        try (OutputStream out = Files.newOutputStream(f); NpzWriter w = new NpzWriter(out, Deflater.BEST_SPEED)) {
            w.writeUint8("Y_up", new long[] {2, 3, 4}, a);
            w.writeUint8("Y_down", new long[] {5}, b);
        }
        return f;
    }

    @Test
    void writesArraysThisReaderReadsBack() throws Exception {
        try (NpzReader npz = NpzReader.open(write(), "out.npz")) {
            assertThat(npz.names()).containsExactly("Y_up", "Y_down");
            assertThat(npz.header("Y_up").fortranOrder()).isFalse();
            int[] up = npz.ints("Y_up", NpyOrder.C, 100);
            for (int i = 0; i < 24; i++) assertThat(up[i]).isEqualTo((i * 11) & 0xff);
            assertThat(npz.ints("Y_down", NpyOrder.C, 100)).containsExactly(0, 0, 0, 0, 255);
        }
    }

    @Test
    void numpyReadsWhatItWrites() throws Exception {
        Path f = write();
        String out = Numpy.run("import numpy as np, sys\n"
            + "z = np.load(sys.argv[1])\n"
            + "up, down = z['Y_up'], z['Y_down']\n"
            + "assert up.dtype == np.uint8 and up.shape == (2, 3, 4) and up.flags['C_CONTIGUOUS'], (up.dtype, up.shape)\n"
            + "assert (up.ravel() == (np.arange(24) * 11 % 256)).all()\n"
            + "assert down.shape == (5,) and down[4] == 255 and sorted(z.files) == ['Y_down', 'Y_up']\n"
            + "print('ok', np.__version__)\n", f.toString());
        assertThat(out).startsWith("ok");
    }

    @Test
    void sizeAndNameAreChecked() throws Exception {
        try (NpzWriter w = new NpzWriter(OutputStream.nullOutputStream(), 1)) {
            assertThatThrownBy(() -> w.writeUint8("a", new long[] {2, 2}, new byte[3])).hasMessageContaining("needs 4 bytes, got 3");
            assertThatThrownBy(() -> w.writeUint8("../a", new long[] {1}, new byte[1])).hasMessageContaining("identifier");
        }
    }
}
