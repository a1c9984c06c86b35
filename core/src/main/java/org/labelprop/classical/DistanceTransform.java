// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

/**
 * Exact Euclidean distance transforms on 2-D and 3-D grids with anisotropic spacing.
 * <p>
 * The squared transform of a feature set F is {@code D(p) = min over q in F of |p - q|^2}, with |.| the Euclidean norm in
 * millimetres (pixel/voxel centres at index times spacing). It is computed exactly by the separable lower-envelope algorithm
 * of Felzenszwalb and Huttenlocher ("Distance transforms of sampled functions", Theory of Computing 8, 2012): one pass per
 * axis, O(n) per line, so O(voxels) per axis. Pixels with no feature anywhere get {@link Double#POSITIVE_INFINITY}.
 */
public final class DistanceTransform {
    private DistanceTransform() { }

    /**
     * Squared distance (mm^2) from every pixel of a {@code width} x {@code height} row-major grid to the nearest pixel where
     * {@code feature} is true; {@code du} is the column spacing and {@code dv} the row spacing in mm.
     */
    public static double[] squared2d(boolean[] feature, int width, int height, double du, double dv) {
        checkSize(feature.length, (long) width * height, width + "x" + height);
        double[] d = initial(feature);
        Lines lines = new Lines(Math.max(width, height));
        for (int v = 0; v < height; v++) lines.transform(d, v * width, 1, width, du);
        for (int u = 0; u < width; u++) lines.transform(d, u, width, height, dv);
        return d;
    }

    /** Squared distance (mm^2) from every voxel (x fastest) to the nearest voxel where {@code feature} is true. */
    public static double[] squared3d(boolean[] feature, Shape3 shape, Spacing spacing) {
        int nx = shape.nx(), ny = shape.ny(), nz = shape.nz();
        checkSize(feature.length, shape.voxels(), shape.toString());
        double[] d = initial(feature);
        Lines lines = new Lines(Math.max(nx, Math.max(ny, nz)));
        for (int z = 0; z < nz; z++)
            for (int y = 0; y < ny; y++) lines.transform(d, nx * (y + ny * z), 1, nx, spacing.xMm());
        for (int z = 0; z < nz; z++)
            for (int x = 0; x < nx; x++) lines.transform(d, x + nx * ny * z, nx, ny, spacing.yMm());
        for (int y = 0; y < ny; y++)
            for (int x = 0; x < nx; x++) lines.transform(d, x + nx * y, nx * ny, nz, spacing.zMm());
        return d;
    }

    /**
     * Signed distance (mm) of a 2-D mask: {@code -dist(p, outside)} inside and {@code +dist(p, inside)} outside, distances
     * between pixel centres, so no pixel is at 0 and {@code d < 0} reproduces the mask exactly. Where a side is empty its
     * distance is capped at the slice diagonal {@code hypot(width du, height dv)} (e.g. a mask covering the whole slice).
     */
    public static double[] signed2d(boolean[] inside, int width, int height, double du, double dv) {
        boolean[] outside = new boolean[inside.length];
        for (int i = 0; i < inside.length; i++) outside[i] = !inside[i];
        double[] toInside = squared2d(inside, width, height, du, dv);
        double[] toOutside = squared2d(outside, width, height, du, dv);
        double cap = Math.hypot(width * du, height * dv);
        double[] s = new double[inside.length];
        for (int i = 0; i < s.length; i++)
            s[i] = inside[i] ? -Math.min(Math.sqrt(toOutside[i]), cap) : Math.min(Math.sqrt(toInside[i]), cap);
        return s;
    }

    private static double[] initial(boolean[] feature) {
        double[] d = new double[feature.length];
        for (int i = 0; i < d.length; i++) d[i] = feature[i] ? 0 : Double.POSITIVE_INFINITY;
        return d;
    }

    private static void checkSize(int found, long expected, String grid) {
        if (found != expected)
            throw new IllegalArgumentException("a " + grid + " grid needs " + expected + " mask values, got " + found);
    }

    /** Scratch buffers for the 1-D transform of one line, reused across lines. */
    private static final class Lines {
        private final double[] f;
        private final int[] v;
        private final double[] z;

        Lines(int n) {
            f = new double[n];
            v = new int[n];
            z = new double[n + 1];
        }

        /**
         * Replaces the {@code n} samples at {@code offset + i*stride} by {@code min_q (h(i - q))^2 + f(q)}: the lower
         * envelope of parabolas rooted at the finite samples (infinite ones are skipped, an all-infinite line stays so).
         */
        void transform(double[] d, int offset, int stride, int n, double h) {
            for (int i = 0; i < n; i++) f[i] = d[offset + i * stride];
            int k = -1;
            for (int q = 0; q < n; q++) {
                if (f[q] == Double.POSITIVE_INFINITY) continue;
                double pq = q * h, fq = f[q] + pq * pq;
                if (k < 0) {
                    k = 0; v[0] = q; z[0] = Double.NEGATIVE_INFINITY; z[1] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double s;
                while (true) {
                    double pv = v[k] * h;
                    s = (fq - (f[v[k]] + pv * pv)) / (2 * (pq - pv));
                    if (s > z[k]) break;
                    k--; // z[0] is -infinity, so k stays >= 0
                }
                k++;
                v[k] = q; z[k] = s; z[k + 1] = Double.POSITIVE_INFINITY;
            }
            if (k < 0) return; // no finite sample: the line stays infinite
            k = 0;
            for (int q = 0; q < n; q++) {
                double pq = q * h;
                while (z[k + 1] < pq) k++;
                double dq = pq - v[k] * h;
                d[offset + q * stride] = dq * dq + f[v[k]];
            }
        }
    }
}
