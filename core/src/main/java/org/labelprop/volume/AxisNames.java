// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

import org.labelprop.UserInputException;
import java.util.Locale;

/**
 * Resolves a propagation axis given by the user: an array index (0, 1, 2), an array axis name (x, y, z, i, j, k) or an
 * anatomical plane — "axial" (slices stacked along the array axis closest to superior–inferior), "coronal" (anterior–
 * posterior) or "sagittal" (left–right) — which depends on the image's affine.
 */
public final class AxisNames {
    private AxisNames() { }

    public static SliceAxis resolve(String spec, Grid grid) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "0", "x", "i": return SliceAxis.X;
            case "1", "y", "j": return SliceAxis.Y;
            case "2", "z", "k": return SliceAxis.Z;
            case "axial", "transverse": return SliceAxis.of(arrayAxisPointingTo(grid.axisCodes(), "SI"));
            case "coronal": return SliceAxis.of(arrayAxisPointingTo(grid.axisCodes(), "AP"));
            case "sagittal": return SliceAxis.of(arrayAxisPointingTo(grid.axisCodes(), "RL"));
            default:
                throw new UserInputException("propagation axis must be 0, 1, 2, x, y, z, axial, coronal or sagittal, got '"
                    + spec + "'");
        }
    }

    /** A human description of slices along {@code axis}, e.g. "axis 2 (S, axial slices)". */
    public static String describe(SliceAxis axis, Grid grid) {
        char code = grid.axisCodes().charAt(axis.index());
        String plane = switch (code) { case 'S', 'I' -> "axial"; case 'A', 'P' -> "coronal"; default -> "sagittal"; };
        return "axis " + axis.index() + " (" + code + ", " + plane + " slices)";
    }

    private static int arrayAxisPointingTo(String codes, String letters) {
        for (int i = 0; i < 3; i++)
            if (letters.indexOf(codes.charAt(i)) >= 0) return i;
        throw new IllegalStateException("no array axis along " + letters + " in orientation " + codes);
    }
}
