// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/**
 * The array axis along which slices are stacked and labels propagated (the original's {@code z_axis}).
 * A slice along axis A is indexed by (u, v): the two other array axes in increasing order, u fastest,
 * so a slice has {@code height} rows (v) and {@code width} columns (u).
 */
public enum SliceAxis {
    X(0), Y(1), Z(2);

    private final int index;

    SliceAxis(int index) { this.index = index; }

    public int index() { return index; }

    /** Array axis of the slice columns (u). */
    public int uAxis() { return index == 0 ? 1 : 0; }

    /** Array axis of the slice rows (v). */
    public int vAxis() { return index == 2 ? 1 : 2; }

    public static SliceAxis of(int index) {
        return switch (index) { case 0 -> X; case 1 -> Y; case 2 -> Z;
            default -> throw new IllegalArgumentException("propagation axis must be 0, 1 or 2, got " + index); };
    }
}
