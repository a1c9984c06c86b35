// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

import java.util.List;

/**
 * Static helpers on {@link DisplacementField}s: composition (VoxelMorph/LabelProp convention), constant translations,
 * magnitudes.
 */
public final class Fields {
    private Fields() { }

    /**
     * The field equivalent to warping by {@code first}, then by {@code second}:
     * {@code second + warp(first, second)}, i.e. {@code c(p) = second(p) + first(p + second(p))}.
     * One bilinear resampling of {@code first}; exact for translations.
     */
    public static DisplacementField compose(DisplacementField first, DisplacementField second) {
        checkSameGrid(first, second);
        float[][] warped = Warper.warp(new float[][] {first.dyArray(), first.dxArray()}, second);
        float[] dy = warped[0], dx = warped[1];
        float[] sy = second.dyArray(), sx = second.dxArray();
        for (int p = 0; p < dy.length; p++) {
            dy[p] += sy[p];
            dx[p] += sx[p];
        }
        return new DisplacementField(second.height(), second.width(), dy, dx);
    }

    /**
     * The field equivalent to warping by {@code fields.get(0)}, then {@code fields.get(1)}, ... (the original's
     * {@code compose_list}), accumulated as {@code total <- compose(total, next)}.
     */
    public static DisplacementField composeAll(List<DisplacementField> fields) {
        if (fields.isEmpty()) throw new IllegalArgumentException("composeAll needs at least one field, got none");
        DisplacementField total = fields.get(0);
        for (int i = 1; i < fields.size(); i++) total = compose(total, fields.get(i));
        return total;
    }

    /** Accumulates one more step: {@code total} null means "nothing yet" and returns {@code next}. */
    public static DisplacementField accumulate(DisplacementField total, DisplacementField next) {
        return total == null ? next : compose(total, next);
    }

    /** A constant field: every pixel displaced by ({@code dy}, {@code dx}) pixels. */
    public static DisplacementField translation(int height, int width, float dy, float dx) {
        float[] y = new float[height * width], x = new float[height * width];
        java.util.Arrays.fill(y, dy);
        java.util.Arrays.fill(x, dx);
        return new DisplacementField(height, width, y, x);
    }

    /** The largest |dy| or |dx| over the field in pixels; +infinity when a component is not finite. */
    public static double maxAbsComponent(DisplacementField field) {
        double m = 0;
        float[] dy = field.dyArray(), dx = field.dxArray();
        for (int p = 0; p < dy.length; p++) {
            double a = Math.max(Math.abs(dy[p]), Math.abs(dx[p]));
            if (!(a <= m)) m = Double.isNaN(a) ? Double.POSITIVE_INFINITY : a;
        }
        return m;
    }

    /** Throws unless both fields live on the same height x width grid. */
    public static void checkSameGrid(DisplacementField a, DisplacementField b) {
        if (a.height() != b.height() || a.width() != b.width())
            throw new IllegalArgumentException("fields must share a grid, got " + a.height() + "x" + a.width()
                + " and " + b.height() + "x" + b.width());
    }
}
