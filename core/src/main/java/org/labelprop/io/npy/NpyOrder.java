// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

/** Memory order of an n-d array's elements: C (last axis fastest, NumPy's default) or Fortran (first axis fastest). */
public enum NpyOrder {
    C, FORTRAN;

    /** Flat strides (in elements) of each axis for this order. */
    long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long step = 1;
        for (int i = 0; i < shape.length; i++) {
            int axis = this == FORTRAN ? i : shape.length - 1 - i;
            s[axis] = step;
            step *= shape[axis];
        }
        return s;
    }
}
