// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Affine;

/**
 * The NRRD spaces are the same points in other sign conventions: a file in left-anterior-superior equals the file in
 * right-anterior-superior with every x negated, and one in left-posterior-superior with every y negated (the NRRD
 * specification, teem, 3D Slicer's reader and current ITK; ITK 5.2 negates x instead, its bug, not followed here).
 */
class NrrdSpaceTest {
    @TempDir Path dir;

    @Test
    void leftAnteriorSuperiorDiffersFromTheOthersBySignsOnly() throws Exception {
        Affine las = read("left-anterior-superior", "(0.4,-0.4,0.2) (0.5,1,1) (1.6,0.8,-1.6)", "(12.5,-40,7)");
        Affine ras = read("right-anterior-superior", "(-0.4,-0.4,0.2) (-0.5,1,1) (-1.6,0.8,-1.6)", "(-12.5,-40,7)");
        Affine lps = read("left-posterior-superior", "(0.4,0.4,0.2) (0.5,-1,1) (1.6,-0.8,-1.6)", "(12.5,40,7)");
        assertEquals(ras, las);
        assertEquals(ras, lps);
        assertArrayEquals(new double[] {-0.4, -0.5, -1.6, -12.5}, new double[] {las.get(0, 0), las.get(0, 1), las.get(0, 2), las.get(0, 3)});
    }

    private Affine read(String space, String directions, String origin) throws Exception {
        byte[] b = FormatOracleTest.spaceFile(space);
        String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("(0.4,-0.4,0.2) (0.5,1,1) (1.6,0.8,-1.6)", directions).replace("(12.5,-40,7)", origin);
        Path f = Files.write(dir.resolve(space + ".nrrd"), text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        return Nrrd.readGrid(f).affine();
    }
}
