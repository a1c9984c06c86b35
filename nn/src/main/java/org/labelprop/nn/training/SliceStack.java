// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import java.util.Arrays;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * A volume re-sliced for the network: slices along the propagation axis first, each normalised and zero-padded at the
 * bottom and right to a multiple of {@code multiple} (aspect ratio and spacing kept, nothing stretched). Fields computed
 * on the padded grid are cropped back to {@code height × width}.
 *
 * <p>Normalisation, per slice along the propagation axis (so it does not depend on the array orientation; the original
 * normalised by the maximum, so one bright voxel darkened the whole slice): {@code (x − p1) / (p99 − p1)} with the
 * slice's 1st and 99th intensity percentiles, so tissue lies
 * roughly in [0, 1] whatever the scanner units; a slice whose percentile range is below 1 % of the volume's (an almost
 * empty slice) uses the volume's percentiles instead, so noise is not blown up.
 *
 * @param data row-major {@code slices × paddedHeight × paddedWidth}
 */
public record SliceStack(SliceAxis axis, int slices, int height, int width, int paddedHeight, int paddedWidth, float[] data) {
    public SliceStack {
        if ((long) slices * paddedHeight * paddedWidth != data.length)
            throw new IllegalArgumentException("slice stack " + slices + "×" + paddedHeight + "×" + paddedWidth + " needs "
                + (long) slices * paddedHeight * paddedWidth + " values, got " + data.length);
    }

    public static SliceStack of(Volume image, SliceAxis axis, int multiple) {
        int n = image.shape().size(axis);
        var first = image.slice(axis, 0);
        int h = first.height(), w = first.width();
        if (n < 2) throw new IllegalArgumentException("propagation needs at least 2 slices along axis " + axis + ", found " + n);
        int ph = roundUp(h, multiple), pw = roundUp(w, multiple);
        float[] global = percentiles(image.array(), 0.01, 0.99);
        double globalRange = Math.max(global[1] - global[0], 1e-12);
        float[] out = new float[n * ph * pw];
        float[] px = new float[h * w];
        for (int k = 0; k < n; k++) {
            image.slice(axis, k).copyTo(px, 0);
            float[] p = percentiles(px, 0.01, 0.99);
            if (p[1] - p[0] < 0.01 * globalRange) p = global;
            double lo = p[0], scale = 1 / Math.max(p[1] - p[0], 1e-12);
            for (int v = 0; v < h; v++)
                for (int u = 0; u < w; u++)
                    out[(k * ph + v) * pw + u] = (float) ((px[v * w + u] - lo) * scale);
        }
        return new SliceStack(axis, n, h, w, ph, pw, out);
    }

    public int paddedPixels() { return paddedHeight * paddedWidth; }

    static int roundUp(int v, int m) { return (v + m - 1) / m * m; }

    /** The {@code lo} and {@code hi} quantiles (nearest rank) of {@code a}. */
    static float[] percentiles(float[] a, double lo, double hi) {
        float[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return new float[] {s[(int) Math.floor(lo * (n - 1))], s[(int) Math.ceil(hi * (n - 1))]};
    }
}
