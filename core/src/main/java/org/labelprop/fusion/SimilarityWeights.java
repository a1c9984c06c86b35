// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

import java.util.stream.IntStream;

/**
 * Weights by registration quality (original {@code criteria='ncc'}, reduction {@code none}): per pixel, the squared
 * local normalised cross-correlation between each annotated slice's image warped onto the slice and the slice's image,
 * normalised so the two directions sum to one: {@code w_up = n_up / (n_up + n_down)}.
 * With window sums S over {@code windowSize}^2 pixels (zero padding, N = windowSize^2 even at borders, as MONAI's
 * LocalNormalizedCrossCorrelationLoss): {@code cross = S(IJ) - S(I)S(J)/N}, {@code var = max(S(I^2) - S(I)^2/N, 1e-5)},
 * {@code n = cross^2 / (var_I var_J)}, clamped to [0, 1]. Where {@code n_up + n_down < 1e-6} (e.g. flat regions) the
 * pixel falls back to {@code fallback} distance weights instead of dividing by zero.
 *
 * @param windowSize odd window side (original 31 = radius 15)
 * @param fallback   weights where neither direction correlates
 */
public record SimilarityWeights(int windowSize, DistanceWeights fallback) implements FusionWeights {
    public static final int DEFAULT_WINDOW = 31;
    static final double VARIANCE_FLOOR = 1e-5;
    static final double GUARD = 1e-6;

    public SimilarityWeights {
        if (windowSize < 1 || windowSize % 2 == 0)
            throw new IllegalArgumentException("NCC window size must be odd and positive (2*radius+1), got " + windowSize);
        java.util.Objects.requireNonNull(fallback, "fallback");
    }

    @Override public boolean needsImages() { return true; }

    @Override
    public float[] upWeights(FusionContext c) {
        if (c.target() == null || c.upSource() == null || c.downSource() == null)
            throw new IllegalArgumentException("NCC fusion of slice " + c.slice() + " needs the target and both warped source images");
        int h = c.height(), w = c.width();
        double[][] target = sums(c.target(), h, w, windowSize);
        double[][] n = new double[2][];
        // the two directions are independent: one task each
        IntStream.range(0, 2).parallel().forEach(k -> n[k] = lncc2(k == 0 ? c.upSource() : c.downSource(), c.target(), target, h, w, windowSize));
        float distance = (float) fallback.up(c.slice(), c.lower(), c.upper());
        float[] out = new float[c.pixels()];
        for (int p = 0; p < out.length; p++) {
            double s = n[0][p] + n[1][p];
            out[p] = s < GUARD ? distance : (float) (n[0][p] / s);
        }
        return out;
    }

    /** Squared local NCC in [0, 1] per pixel between images {@code i} and {@code j} (height x width, row-major). */
    public static double[] lncc2(float[] i, float[] j, int height, int width, int windowSize) {
        int n = height * width;
        if (i.length != n || j.length != n)
            throw new IllegalArgumentException("LNCC needs two " + height + "x" + width + " images, got " + i.length + " and " + j.length + " pixels");
        return lncc2(i, j, sums(j, height, width, windowSize), height, width, windowSize);
    }

    /** Window sums S(J) and S(J^2). */
    private static double[][] sums(float[] j, int height, int width, int windowSize) {
        double[] b = new double[j.length], bb = new double[j.length];
        for (int p = 0; p < j.length; p++) { b[p] = j[p]; bb[p] = b[p] * b[p]; }
        return new double[][] {BoxSums.of(b, height, width, windowSize), BoxSums.of(bb, height, width, windowSize)};
    }

    private static double[] lncc2(float[] i, float[] j, double[][] jSums, int height, int width, int windowSize) {
        int n = height * width;
        double[] a = new double[n], aa = new double[n], ab = new double[n];
        for (int p = 0; p < n; p++) {
            a[p] = i[p];
            aa[p] = a[p] * a[p];
            ab[p] = a[p] * j[p];
        }
        double[] sa = BoxSums.of(a, height, width, windowSize), saa = BoxSums.of(aa, height, width, windowSize);
        double[] sab = BoxSums.of(ab, height, width, windowSize), sb = jSums[0], sbb = jSums[1];
        double volume = (double) windowSize * windowSize;
        double[] out = new double[n];
        for (int p = 0; p < n; p++) {
            double cross = sab[p] - sa[p] * sb[p] / volume;
            double varA = Math.max(saa[p] - sa[p] * sa[p] / volume, VARIANCE_FLOOR);
            double varB = Math.max(sbb[p] - sb[p] * sb[p] / volume, VARIANCE_FLOOR);
            double v = cross * cross / (varA * varB);
            out[p] = Double.isNaN(v) ? 0 : Math.min(1, v);
        }
        return out;
    }
}
