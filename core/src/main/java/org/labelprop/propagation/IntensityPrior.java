// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import org.labelprop.flow.IntensityWindow;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.SliceGeometry;
import org.labelprop.volume.Volume;

/**
 * What a few annotated slices say about intensities: per class (background, then each label channel) a smoothed
 * histogram of the scan's intensities in {@link #BINS} bins of the percentile window, counted on those slices. The
 * background counts only pixels within {@link #BAND} pixels of a label (a square neighbourhood): the background a
 * propagated boundary can move into, not the air and far tissue that would dilute it. A label's histogram is shrunk
 * towards the pooled histogram of all labels ({@link #SHRINK} pseudo-counts), so a label drawn on a few pixels borrows
 * the others' shape; the background's towards a uniform one.
 * <p>
 * {@link #factor} is {@code (BINS · p(bin | class))^power}: the fused soft value of each class is multiplied by it
 * before the labels are chosen ({@link FusedStack}), a posterior with the propagated maps as the prior. A small power
 * (0.25 by default) nudges boundaries the registration left between tissues towards the intensity edge without
 * overruling the propagated maps (docs/benchmark.md).
 */
final class IntensityPrior {
    static final int BINS = 32;
    static final int BAND = 5;
    static final double SHRINK = 50;
    private static final double SMOOTHING_BINS = 1;
    private static final double FLOOR = 1e-3;

    private final float[][] factor;

    private IntensityPrior(float[][] factor) { this.factor = factor; }

    /**
     * @param binned    the scan's intensity bins ({@link #bins}) by slice index along {@code axis}
     * @param sparse    the annotations
     * @param slices    the annotated slices to count on
     * @param channelOf the channel of each label value, -1 for labels not propagated
     * @param channels  the number of label channels
     * @param power     the exponent of the likelihood, > 0
     */
    static IntensityPrior fit(java.util.function.IntFunction<int[]> binned, LabelVolume sparse, SliceAxis axis, int[] slices,
                              int[] channelOf, int channels, double power) {
        double[][] counts = new double[channels + 1][BINS];
        for (int s : slices) {
            int[] bins = binned.apply(s);
            int[] labels = sparse.slice(axis, s).toArray();
            SliceGeometry g = SliceGeometry.of(sparse.shape(), axis, s);
            boolean[] near = nearLabels(labels, g.height(), g.width());
            for (int i = 0; i < labels.length; i++) {
                int c = labels[i] == 0 || labels[i] >= channelOf.length ? 0 : channelOf[labels[i]] + 1;
                if (c == 0 && !near[i]) continue;
                counts[c][bins[i]]++;
            }
        }
        double[] pooled = new double[BINS];
        double pooledTotal = 0;
        for (int c = 1; c <= channels; c++) for (int b = 0; b < BINS; b++) { pooled[b] += counts[c][b]; pooledTotal += counts[c][b]; }
        double[] labelShape = pooledTotal == 0 ? null : scaled(smooth(pooled), 1 / pooledTotal);
        double[] uniform = new double[BINS];
        java.util.Arrays.fill(uniform, 1.0 / BINS);
        float[][] factor = new float[channels + 1][BINS];
        for (int c = 0; c <= channels; c++) {
            double[] h = smooth(counts[c]);
            double total = 0;
            for (double x : h) total += x;
            double[] prior = c == 0 || labelShape == null ? uniform : labelShape;
            for (int b = 0; b < BINS; b++) {
                double p = (h[b] + SHRINK * prior[b] + FLOOR) / (total + SHRINK + FLOOR * BINS);
                factor[c][b] = (float) Math.pow(p * BINS, power);
            }
        }
        return new IntensityPrior(factor);
    }

    /** The intensity bin of every pixel of {@code image}'s slice {@code s}, within {@code window}. */
    static int[] bins(Volume image, SliceAxis axis, IntensityWindow window, int s) {
        float[] v = window.apply(image.slice(axis, s).toArray());
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Math.min(BINS - 1, Math.max(0, (int) (v[i] * BINS)));
        return out;
    }

    /** {@code (BINS · p(bin | class))^power}: 1 for a uniform histogram; class 0 is the background, c + 1 channel c. */
    float factor(int cls, int bin) { return factor[cls][bin]; }

    private static double[] scaled(double[] h, double by) {
        double[] out = new double[h.length];
        for (int b = 0; b < h.length; b++) out[b] = h[b] * by;
        return out;
    }

    /** A Gaussian of {@link #SMOOTHING_BINS} over the bins, renormalised at the ends. */
    private static double[] smooth(double[] h) {
        double[] out = new double[BINS];
        int r = (int) Math.ceil(3 * SMOOTHING_BINS);
        for (int b = 0; b < BINS; b++) {
            double s = 0, ws = 0;
            for (int k = -r; k <= r; k++) {
                int j = b + k;
                if (j < 0 || j >= BINS) continue;
                double w = Math.exp(-0.5 * k * k / (SMOOTHING_BINS * SMOOTHING_BINS));
                s += w * h[j];
                ws += w;
            }
            out[b] = s / ws;
        }
        return out;
    }

    /** Pixels with a label within the square of side {@code 2 BAND + 1} around them (a separable max filter). */
    private static boolean[] nearLabels(int[] labels, int height, int width) {
        boolean[] labelled = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) labelled[i] = labels[i] != 0;
        return dilate(dilate(labelled, height, width, width, 1), width, height, 1, width);
    }

    /** Dilation by {@link #BAND} along one direction: {@code lines} lines of {@code length} pixels, strides as given. */
    private static boolean[] dilate(boolean[] in, int lines, int length, int lineStride, int step) {
        boolean[] out = new boolean[in.length];
        int[] nextAt = new int[length];
        for (int l = 0; l < lines; l++) {
            int base = l * lineStride, last = Integer.MIN_VALUE / 2, next = Integer.MAX_VALUE / 2;
            for (int k = length - 1; k >= 0; k--) { if (in[base + k * step]) next = k; nextAt[k] = next; }
            for (int k = 0; k < length; k++) {
                if (in[base + k * step]) last = k;
                out[base + k * step] = k - last <= BAND || nextAt[k] - k <= BAND;
            }
        }
        return out;
    }
}
