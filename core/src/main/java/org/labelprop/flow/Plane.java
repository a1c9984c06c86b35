// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

/** A 2-D float image, {@code height} rows by {@code width} columns, row-major (column fastest). */
record Plane(int height, int width, float[] data) {
    Plane {
        if (height < 1 || width < 1) throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        if (data.length != height * width)
            throw new IllegalArgumentException("a " + height + "x" + width + " image needs " + height * width + " values, got " + data.length);
    }

    int pixels() { return data.length; }
}
