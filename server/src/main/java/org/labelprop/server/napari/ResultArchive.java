// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import org.labelprop.io.Nifti;
import org.labelprop.io.npy.NpzWriter;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;

/**
 * The answer of {@code /download_inference}: the session's up, down and fused results as an npz of {@code Y_up},
 * {@code Y_down}, {@code Y_fused}, uint8 in C order, shaped as the uploaded image (array axis k = NumPy axis k).
 */
final class ResultArchive {
    static final String[][] MEMBERS = {{"Y_up", "up.nii.gz"}, {"Y_down", "down.nii.gz"}, {"Y_fused", "fused.nii.gz"}};

    private ResultArchive() { }

    /** Whether every result the archive needs is there. */
    static boolean complete(Path resultsDir) {
        for (String[] m : MEMBERS) if (!Files.isRegularFile(resultsDir.resolve(m[1]))) return false;
        return true;
    }

    static void write(Path resultsDir, OutputStream sink) throws IOException {
        try (NpzWriter npz = new NpzWriter(sink, Deflater.BEST_SPEED)) {
            for (String[] m : MEMBERS) {
                LabelVolume v = Nifti.readLabels(resultsDir.resolve(m[1]));
                Shape3 s = v.shape();
                npz.writeUint8(m[0], new long[] {s.nx(), s.ny(), s.nz()}, cOrder(v));
            }
        }
    }

    /** The labels as bytes with the last axis fastest (NumPy's C order); labels above 255 cannot occur (uploads are checked). */
    static byte[] cOrder(LabelVolume v) {
        Shape3 s = v.shape();
        int[] a = v.array();
        byte[] out = new byte[a.length];
        int k = 0;
        for (int x = 0; x < s.nx(); x++)
            for (int y = 0; y < s.ny(); y++)
                for (int z = 0; z < s.nz(); z++) out[k++] = (byte) a[s.index(x, y, z)];
        return out;
    }
}
