// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

import java.util.Arrays;
import java.util.Objects;
import org.labelprop.volume.Volume;

/**
 * An intensity window {@code [low, high]}: values are clipped to it and scaled to 0..1,
 * {@code (clamp(v, low, high) - low) / (high - low)}; a window of zero width maps everything to 0, NaN maps to 0.
 * {@link #percentiles} takes the bounds from the volume's intensity percentiles with numpy's default (linear)
 * interpolation between order statistics, found exactly by a histogram pass instead of a full sort (a 512x512x300
 * volume needs no 300 MB sorted copy).
 *
 * @param low  the value mapped to 0
 * @param high the value mapped to 1, at least {@code low}
 */
public record IntensityWindow(double low, double high) {
    /** The window the flow method uses: 1st to 99.5th percentile. */
    public static final double LOW_PERCENT = 1, HIGH_PERCENT = 99.5;
    private static final int BINS = 1 << 16;

    public IntensityWindow {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low <= high))
            throw new IllegalArgumentException("intensity window needs finite low <= high, got [" + low + ", " + high + "]");
    }

    /** The window from the {@code lowPercent} to the {@code highPercent} percentile of the volume's voxels (NaN ignored). */
    public static IntensityWindow percentiles(Volume image, double lowPercent, double highPercent) {
        Objects.requireNonNull(image, "image");
        if (!(0 <= lowPercent && lowPercent <= highPercent && highPercent <= 100))
            throw new IllegalArgumentException("percentiles must satisfy 0 <= low <= high <= 100, got " + lowPercent + " and " + highPercent);
        float[] v = image.array();
        return new IntensityWindow(percentile(v, lowPercent), percentile(v, highPercent));
    }

    /** A new array: every value clipped to the window and scaled to 0..1. */
    public float[] apply(float[] values) {
        float[] out = new float[values.length];
        double width = high - low;
        if (width == 0) return out;
        for (int i = 0; i < values.length; i++) {
            float x = values[i];
            out[i] = x != x ? 0f : (float) ((Math.max(low, Math.min(high, x)) - low) / width);
        }
        return out;
    }

    /** The volume on the same grid with {@link #apply} applied. */
    public Volume apply(Volume image) { return new Volume(image.grid(), apply(image.array())); }

    /** numpy's {@code percentile(values, q)} (linear method) over the non-NaN values; 0 when there are none. */
    static double percentile(float[] values, double q) {
        long n = 0;
        for (float x : values) if (x == x) n++;
        if (n == 0) return 0;
        double pos = q / 100 * (n - 1);
        long k = (long) Math.floor(pos);
        double t = pos - k;
        double a = orderStatistic(values, k), b = t == 0 ? a : orderStatistic(values, Math.min(k + 1, n - 1));
        return a + (b - a) * t;
    }

    /** The {@code rank}-th smallest non-NaN value (0-based): histogram over [min, max], then a sort of one bin. */
    static double orderStatistic(float[] values, long rank) {
        float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
        for (float x : values) if (x == x) { min = Math.min(min, x); max = Math.max(max, x); }
        if (min == max) return min;
        double scale = (BINS - 1) / ((double) max - min);
        long[] counts = new long[BINS];
        for (float x : values) if (x == x) counts[bin(x, min, scale)]++;
        int target = 0;
        long before = 0;
        while (before + counts[target] <= rank) before += counts[target++];
        float[] inBin = new float[(int) counts[target]];
        int m = 0;
        for (float x : values) if (x == x && bin(x, min, scale) == target) inBin[m++] = x;
        Arrays.sort(inBin);
        return inBin[(int) (rank - before)];
    }

    private static int bin(float x, float min, double scale) {
        return (int) Math.min(BINS - 1, (x - (double) min) * scale);
    }
}
