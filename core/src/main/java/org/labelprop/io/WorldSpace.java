// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/**
 * The anatomical frames NRRD and MetaImage headers give their vectors in, and the conversion to and from the RAS+
 * voxel-to-world affine of a {@link Grid}: a frame differs from RAS by the signs of its x and y axes, so converting is
 * a sign flip (exact, no rounding). ITK and MetaImage always work in LPS.
 */
enum WorldSpace {
    LPS(-1, -1), RAS(1, 1), LAS(-1, 1);

    private final double signX, signY;

    WorldSpace(double signX, double signY) {
        this.signX = signX;
        this.signY = signY;
    }

    /**
     * The grid whose voxel (i, j, k) lies at {@code origin + i·axes[0] + j·axes[1] + k·axes[2]} in this frame.
     * @param axes one vector per array axis (x, y, z components in this frame): direction times voxel size
     */
    Grid grid(Shape3 shape, double[][] axes, double[] origin, String where) throws VolumeFormatException {
        double[] m = new double[16];
        double[] sign = {signX, signY, 1};
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) m[4 * row + col] = sign[row] * axes[col][row];
            m[4 * row + 3] = sign[row] * origin[row];
        }
        m[15] = 1;
        try {
            return Grid.of(shape, Affine.of(m));
        } catch (IllegalArgumentException e) {
            throw new VolumeFormatException(where + ": the axis vectors " + java.util.Arrays.deepToString(axes)
                + " and origin " + java.util.Arrays.toString(origin) + " give no usable geometry; expected three independent,"
                + " finite directions (" + e.getMessage() + ")");
        }
    }

    /** The vector of array axis {@code axis} in this frame: direction times voxel size. */
    double[] axis(Affine ras, int axis) {
        return new double[] {signX * ras.get(0, axis), signY * ras.get(1, axis), ras.get(2, axis)};
    }

    /** Where voxel (0, 0, 0) lies in this frame. */
    double[] origin(Affine ras) {
        return new double[] {signX * ras.get(0, 3), signY * ras.get(1, 3), ras.get(2, 3)};
    }
}
