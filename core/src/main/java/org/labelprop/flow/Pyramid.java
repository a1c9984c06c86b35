// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The image pyramid of scikit-image's coarse-to-fine solver ({@code get_pyramid} with {@code pyramid_reduce}, factor 2)
 * and the flow upsampling between levels ({@code resize_flow}). A level is the previous one smoothed by a Gaussian of
 * sigma 2/3 (radius 3, half-sample symmetric borders: scipy's {@code gaussian_filter} mode 'reflect', rows first, the
 * result stored as float after each axis) and resampled bilinearly to {@code ceil(n / 2)} per side with pixel-area
 * alignment ({@code ndi.zoom(order=1, grid_mode=True)}: source coordinate {@code (k + 1/2) n / m - 1/2}).
 * Arithmetic follows scipy: double inside a line or a stencil, float between steps.
 */
final class Pyramid {
    private static final double SIGMA = 2 * 2 / 6.0;
    private static final double[] KERNEL = kernel();

    private Pyramid() { }

    /** Coarsest level first, {@code image} last. */
    static List<Plane> levels(Plane image, TvL1Options o) {
        List<Plane> levels = new ArrayList<>();
        levels.add(image);
        int size = Math.min(image.height(), image.width());
        while (levels.size() < o.maxLevels() && size > 2 * o.minSize()) {
            Plane next = reduce(levels.get(levels.size() - 1));
            levels.add(next);
            size = Math.min(next.height(), next.width());
        }
        Collections.reverse(levels);
        return levels;
    }

    static Plane reduce(Plane p) {
        int h = p.height(), w = p.width(), oh = (h + 1) / 2, ow = (w + 1) / 2;
        float[] s = smooth(p);
        double zy = (double) h / oh, zx = (double) w / ow;
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : s) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        float[] out = new float[oh * ow];
        for (int i = 0; i < oh; i++) {
            double cy = (i + 0.5) * zy - 0.5;
            int y0 = (int) Math.floor(cy), y1 = Math.min(y0 + 1, h - 1);
            double ty = cy - y0;
            for (int j = 0; j < ow; j++) {
                double cx = (j + 0.5) * zx - 0.5;
                int x0 = (int) Math.floor(cx), x1 = Math.min(x0 + 1, w - 1);
                double tx = cx - x0;
                double v = s[y0 * w + x0] * (1 - ty) * (1 - tx);
                v += s[y0 * w + x1] * (1 - ty) * tx;
                v += s[y1 * w + x0] * ty * (1 - tx);
                v += s[y1 * w + x1] * ty * tx;
                // resize clips to the input's range (a no-op for bilinear weights, kept for fidelity)
                out[i * ow + j] = Math.max(lo, Math.min(hi, (float) v));
            }
        }
        return new Plane(oh, ow, out);
    }

    /** Gaussian smoothing, rows (axis 0) first, then columns; float between the two passes. */
    static float[] smooth(Plane p) {
        int h = p.height(), w = p.width();
        float[] a = new float[h * w], b = new float[h * w];
        double[] line = new double[Math.max(h, w) + 2 * 3];
        for (int x = 0; x < w; x++) filterLine(p.data(), x, w, h, line, a);
        for (int y = 0; y < h; y++) filterLine(a, y * w, 1, w, line, b);
        return b;
    }

    /** One line of {@code n} values at {@code start + k * stride}, correlated with the kernel as scipy's symmetric path. */
    private static void filterLine(float[] src, int start, int stride, int n, double[] line, float[] dst) {
        int r = KERNEL.length / 2;
        for (int k = 0; k < n; k++) line[r + k] = src[start + k * stride];
        for (int k = 1; k <= r; k++) {
            line[r - k] = line[r + reflect(-k, n)];
            line[r + n - 1 + k] = line[r + reflect(n - 1 + k, n)];
        }
        for (int k = 0; k < n; k++) {
            int c = r + k;
            double acc = line[c] * KERNEL[r];
            for (int j = -r; j < 0; j++) acc += (line[c + j] + line[c - j]) * KERNEL[r + j];
            dst[start + k * stride] = (float) acc;
        }
    }

    /** Half-sample symmetric index (d c b a | a b c d | d c b a). */
    private static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    private static double[] kernel() {
        int radius = (int) (4.0 * SIGMA + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int x = -radius; x <= radius; x++) sum += k[x + radius] = Math.exp(-0.5 / (SIGMA * SIGMA) * x * x);
        for (int i = 0; i < k.length; i++) k[i] /= sum;
        return k;
    }

    /**
     * A flow component of a coarse level brought to a {@code height x width} level: nearest source pixel
     * {@code floor(k (n - 1) / (m - 1) + 1/2)} per axis ({@code ndi.zoom(order=0)}), values scaled by the size ratio of
     * {@code axis} (0 rows, 1 columns) in float, as {@code resize_flow}.
     */
    static float[] resizeFlow(float[] f, int h, int w, int height, int width, int axis) {
        float scale = (float) (axis == 0 ? (double) height / h : (double) width / w);
        int[] cols = new int[width];
        for (int x = 0; x < width; x++) cols[x] = nearest(x, w, width);
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            int row = nearest(y, h, height) * w;
            for (int x = 0; x < width; x++) out[y * width + x] = scale * f[row + cols[x]];
        }
        return out;
    }

    private static int nearest(int k, int from, int to) {
        if (to == 1) return 0;
        return Math.min(from - 1, (int) Math.floor(k * ((double) (from - 1) / (to - 1)) + 0.5));
    }
}
