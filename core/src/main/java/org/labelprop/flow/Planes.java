// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

/** The two image operations of a TV-L1 warp, with numpy/scipy's arithmetic. */
final class Planes {
    private Planes() { }

    /**
     * {@code out(p) = image(p + flow(p))}, bilinear, coordinates clamped to the image ({@code skimage.transform.warp}
     * with {@code mode='edge'}: scipy's {@code map_coordinates(order=1, mode='nearest')}). The sample position is
     * formed in float ({@code grid + flow} in float32), the interpolation in double, the result stored as float and
     * clipped to the image's range as {@code warp(clip=True)}.
     */
    static void warpEdge(Plane image, float[] flowRows, float[] flowCols, float[] out) {
        int h = image.height(), w = image.width();
        float[] s = image.data();
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (float v : s) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        for (int y = 0, p = 0; y < h; y++)
            for (int x = 0; x < w; x++, p++) {
                double cy = Math.max(0, Math.min(h - 1, (float) y + flowRows[p]));
                double cx = Math.max(0, Math.min(w - 1, (float) x + flowCols[p]));
                int y0 = (int) cy, x0 = (int) cx;
                int y1 = Math.min(y0 + 1, h - 1), x1 = Math.min(x0 + 1, w - 1);
                double ty = cy - y0, tx = cx - x0;
                int r0 = y0 * w, r1 = y1 * w;
                double v = s[r0 + x0] * (1 - ty) * (1 - tx);
                v += s[r0 + x1] * (1 - ty) * tx;
                v += s[r1 + x0] * ty * (1 - tx);
                v += s[r1 + x1] * ty * tx;
                out[p] = Math.max(lo, Math.min(hi, (float) v));
            }
    }

    /**
     * {@code numpy.gradient} in float: central differences {@code (f[i+1] - f[i-1]) / 2} inside, one-sided differences
     * at the borders; a side of one pixel has zero derivative along it.
     */
    static void gradient(Plane image, float[] dRows, float[] dCols) {
        int h = image.height(), w = image.width();
        float[] f = image.data();
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                dRows[p] = h == 1 ? 0f : y == 0 ? f[p + w] - f[p] : y == h - 1 ? f[p] - f[p - w] : (f[p + w] - f[p - w]) / 2f;
                dCols[p] = w == 1 ? 0f : x == 0 ? f[p + 1] - f[p] : x == w - 1 ? f[p] - f[p - 1] : (f[p + 1] - f[p - 1]) / 2f;
            }
    }
}
