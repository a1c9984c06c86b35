// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

import java.util.Objects;

/**
 * A dense 2-D displacement on a slice grid of {@code height} rows by {@code width} columns, in pixel units, VoxelMorph
 * convention: warping {@code moving} by this field samples {@code moving} at {@code p + u(p)}, so the result is
 * {@code moving} brought onto {@code fixed}. Component {@code dy} is along rows (v), {@code dx} along columns (u); both
 * row-major (u fastest). Immutable: the arrays are owned by the field and never written after construction.
 */
public final class DisplacementField {
    private final int height;
    private final int width;
    private final float[] dy;
    private final float[] dx;

    public DisplacementField(int height, int width, float[] dy, float[] dx) {
        if (height < 1 || width < 1) throw new IllegalArgumentException("field size must be positive, got " + height + "x" + width);
        Objects.requireNonNull(dy, "dy");
        Objects.requireNonNull(dx, "dx");
        if (dy.length != height * width || dx.length != height * width)
            throw new IllegalArgumentException("field " + height + "x" + width + " needs " + height * width
                + " values per component, got " + dy.length + " and " + dx.length);
        this.height = height;
        this.width = width;
        this.dy = dy;
        this.dx = dx;
    }

    public static DisplacementField zero(int height, int width) {
        return new DisplacementField(height, width, new float[height * width], new float[height * width]);
    }

    public int height() { return height; }

    public int width() { return width; }

    public float dy(int u, int v) { return dy[v * width + u]; }

    public float dx(int u, int v) { return dx[v * width + u]; }

    /** Row component, row-major; do not modify. */
    public float[] dyArray() { return dy; }

    /** Column component, row-major; do not modify. */
    public float[] dxArray() { return dx; }
}
