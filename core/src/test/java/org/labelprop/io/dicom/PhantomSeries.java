// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import org.labelprop.io.Oracles;

/**
 * DICOM series of a phantom written by pydicom ({@code phantom_series.py}: axial MR, 0.9 × 0.9 × 2.5 mm, an ellipse
 * growing with the slice), for tests of DICOM input in the CLI, server and browser. Skips (fails on CI) without Debian's
 * python3-pydicom.
 */
public final class PhantomSeries {
    private PhantomSeries() {}

    /** Writes the series numbered {@code number} into {@code folder} (created; other series may already be there). */
    public static Path write(Path folder, int nx, int ny, int nz, int number, String description) throws Exception {
        Oracles.requirePython("pydicom", "python3-pydicom");
        Files.createDirectories(folder);
        Path work = Files.createTempDirectory("phantom-series-");
        try {
            Oracles.script(PhantomSeries.class, "phantom_series.py", work, folder.toAbsolutePath().toString(),
                Integer.toString(nx), Integer.toString(ny), Integer.toString(nz), Integer.toString(number), description);
        } finally {
            Files.deleteIfExists(work.resolve("phantom_series.py"));
            Files.deleteIfExists(work);
        }
        return folder;
    }

    /** The series numbered 2, "phantom T1". */
    public static Path write(Path folder, int nx, int ny, int nz) throws Exception { return write(folder, nx, ny, nz, 2, "phantom T1"); }
}
