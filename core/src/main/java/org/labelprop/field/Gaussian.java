// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

/**
 * Sampled, normalised Gaussian kernels and separable 2-D smoothing with mirrored borders (the sample next to the edge
 * is the edge sample: {@code ... c b a | a b c ...}, SciPy's {@code mode='reflect'}). Kernels reach 4 sigma (radius
 * {@code floor(4 sigma + 1/2)}) as SciPy's {@code gaussian_filter} does.
 */
public final class Gaussian {
    private Gaussian() { }

    /** The kernel weights for offsets {@code -r..r} ({@code r = floor(4 sigma + 1/2)}), summing to 1; {1} when sigma is 0. */
    public static float[] kernel(double sigma) {
        if (!(sigma >= 0 && Double.isFinite(sigma)))
            throw new IllegalArgumentException("Gaussian sigma must be finite and >= 0, got " + sigma);
        int r = (int) Math.floor(4 * sigma + 0.5);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-0.5 * i * i / (sigma * sigma));
        if (r == 0) return new float[] {1f};
        float[] out = new float[k.length];
        for (int i = 0; i < k.length; i++) out[i] = (float) (k[i] / sum);
        return out;
    }

    /** Index {@code i} mirrored into {@code 0..n-1} (edge sample repeated); any distance from the range. */
    public static int reflect(int i, int n) {
        if (n == 1) return 0;
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** {@code a} (height x width, row-major) smoothed along rows and columns by {@code kernel}; a new array. */
    public static float[] smooth(float[] a, int height, int width, float[] kernel) {
        if (a.length != height * width)
            throw new IllegalArgumentException("expected " + height + "x" + width + " = " + height * width + " values, got " + a.length);
        int r = kernel.length / 2;
        if (r == 0) return a.clone();
        float[] tmp = new float[a.length], out = new float[a.length];
        for (int v = 0; v < height; v++)
            for (int u = 0; u < width; u++) {
                double s = 0;
                for (int k = -r; k <= r; k++) s += kernel[k + r] * a[v * width + reflect(u + k, width)];
                tmp[v * width + u] = (float) s;
            }
        for (int v = 0; v < height; v++)
            for (int u = 0; u < width; u++) {
                double s = 0;
                for (int k = -r; k <= r; k++) s += kernel[k + r] * tmp[reflect(v + k, height) * width + u];
                out[v * width + u] = (float) s;
            }
        return out;
    }

    /** Both components of {@code field} smoothed with a Gaussian of {@code sigma} pixels; the field itself when sigma is 0. */
    public static DisplacementField smooth(DisplacementField field, double sigma) {
        float[] k = kernel(sigma);
        if (k.length == 1) return field;
        int h = field.height(), w = field.width();
        return new DisplacementField(h, w, smooth(field.dyArray(), h, w, k), smooth(field.dxArray(), h, w, k));
    }
}
