// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;

/**
 * Compares two grids of the same voxels stored in different axis orders (dcm2niix flips rows and may reverse slices):
 * {@code inverse(a) · b} must be a signed permutation with a whole-voxel shift, to a tolerance in voxels.
 */
final class WorldMapping {
    private WorldMapping() {}

    /** For each voxel of {@code from} (x fastest), the index of the same point in {@code to}; fails unless they share voxels. */
    static int[] voxelMap(Grid from, Grid to, double tolerance, String what) {
        double[][] m = relative(to.affine(), from.affine());       // from-voxel → to-voxel
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 4; c++)
                assertEquals(Math.rint(m[r][c]), m[r][c], tolerance, what + ": grids are not the same voxels in another order, entry ("
                    + r + "," + c + ") of inverse(to)·from is " + m[r][c]);
        int nx = from.shape().nx(), ny = from.shape().ny(), nz = from.shape().nz();
        int[] map = new int[from.shape().voxels()];
        for (int z = 0; z < nz; z++)
            for (int y = 0; y < ny; y++)
                for (int x = 0; x < nx; x++) {
                    int[] t = new int[3];
                    for (int r = 0; r < 3; r++) t[r] = (int) Math.rint(m[r][0] * x + m[r][1] * y + m[r][2] * z + m[r][3]);
                    assertTrue(to.shape().contains(t[0], t[1], t[2]), what + ": voxel (" + x + "," + y + "," + z + ") falls outside");
                    map[from.shape().index(x, y, z)] = to.shape().index(t[0], t[1], t[2]);
                }
        return map;
    }

    /** Largest distance of an entry of inverse(to)·from from a whole number, in voxels. */
    static double deviation(Grid from, Grid to) {
        double[][] m = relative(to.affine(), from.affine());
        double d = 0;
        for (double[] row : m)
            for (double v : row) d = Math.max(d, Math.abs(v - Math.rint(v)));
        return d;
    }

    /** inverse(a) · b as a 3x4 matrix. */
    static double[][] relative(Affine a, Affine b) {
        double[][] inv = invert3(a);
        double[] t = {a.get(0, 3), a.get(1, 3), a.get(2, 3)};
        double[][] r = new double[3][4];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) r[i][j] += inv[i][k] * b.get(k, j);
            for (int k = 0; k < 3; k++) r[i][3] += inv[i][k] * (b.get(k, 3) - t[k]);
        }
        return r;
    }

    private static double[][] invert3(Affine a) {
        double det = a.determinant3();
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) {
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
                m[i][j] = (a.get(r0, c0) * a.get(r1, c1) - a.get(r0, c1) * a.get(r1, c0)) / det;
            }
        return m;
    }
}
