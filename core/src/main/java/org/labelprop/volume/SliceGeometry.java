// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/**
 * How slice {@code index} along {@code axis} of a volume maps to its flat array: element (u, v) sits at
 * {@code offset + u * strideU + v * strideV}. Used by the slice views; no data is copied.
 */
public record SliceGeometry(SliceAxis axis, int index, int width, int height, int offset, int strideU, int strideV) {

    public static SliceGeometry of(Shape3 shape, SliceAxis axis, int index) {
        int n = shape.size(axis);
        if (index < 0 || index >= n)
            throw new IndexOutOfBoundsException("slice " + index + " along axis " + axis.index() + " is outside 0.." + (n - 1));
        int[] strides = {1, shape.nx(), shape.nx() * shape.ny()};
        int u = axis.uAxis(), v = axis.vAxis();
        return new SliceGeometry(axis, index, shape.size(u), shape.size(v), index * strides[axis.index()], strides[u], strides[v]);
    }

    public int at(int u, int v) { return offset + u * strideU + v * strideV; }

    public int pixels() { return width * height; }
}
