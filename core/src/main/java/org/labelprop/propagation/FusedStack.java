// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.labelprop.field.Gaussian;

/**
 * Chooses the fused labels of the propagated slices from the fused soft maps, smoothed across slices:
 * {@code Z_s = sum_k g_k Y_(s+k)} ({@code g} a normalised Gaussian, slice indices mirrored at the ends of the volume),
 * where Y is the fused map of a propagated slice, the one-hot annotation of an annotated slice, and 0 elsewhere. Then
 * label = argmax with the background first, {@code 1 - max Z} (a label needs {@code max Z > 1/2}) or {@code 1 - sum Z}
 * ({@link PropagationOptions.Background}), times the background weight ({@link LabelRule}); ties go to the background,
 * then to the lower channel. With an intensity prior ({@link IntensityPrior}) every class's value is first multiplied by
 * the likelihood of the pixel's intensity under that class, fitted on the annotated slices around. On hinted slices the
 * hints win. A kernel of one tap gives the unsmoothed original rule.
 * <p>
 * Slices arrive in any order within the range the caller declares known ({@link #flush}); a slice is labelled once its
 * whole window is known, and maps leave memory once no later window needs them, so at most the slices of one gap plus
 * the kernel's reach are held.
 */
final class FusedStack {
    /** Receives the final labels of one slice (row-major, height x width). */
    interface Sink { void write(int slice, int[] labels); }

    private final float[] kernel;
    private final int reach;
    private final int slices;
    private final int pixels;
    private final int width;
    private final int[] channelLabels;
    private final LabelRule rule;
    private final boolean[] annotated;
    private final IntFunction<SoftLabels> annotation;
    private final IntFunction<int[]> hintsOrNull;
    private final SoftLabels[] maps;
    private final boolean[] propagated;
    private final IntensityPriors priorsOrNull;
    private final float[] best, sum, buf, max;
    private final int[] arg;
    private int next;

    /**
     * @param annotation  the one-hot map of an annotated slice
     * @param hintsOrNull the hint labels of a slice, or null where it has none
     * @param priorsOrNull the intensity prior of each slice, or null for none
     */
    FusedStack(float[] kernel, int slices, int height, int width, int[] channelLabels, LabelRule rule, boolean[] annotated,
               IntFunction<SoftLabels> annotation, IntFunction<int[]> hintsOrNull, IntensityPriors priorsOrNull) {
        this.kernel = kernel;
        this.reach = kernel.length / 2;
        this.slices = slices;
        this.width = width;
        this.pixels = height * width;
        this.channelLabels = channelLabels;
        this.rule = rule;
        this.annotated = annotated;
        this.annotation = annotation;
        this.hintsOrNull = hintsOrNull;
        this.priorsOrNull = priorsOrNull;
        maps = new SoftLabels[slices];
        propagated = new boolean[slices];
        best = new float[pixels];
        sum = new float[pixels];
        buf = new float[pixels];
        max = priorsOrNull == null ? null : new float[pixels];
        arg = new int[pixels];
    }

    /** Stores the fused map of propagated slice {@code s}. */
    void put(int s, SoftLabels fused) {
        maps[s] = fused;
        propagated[s] = true;
    }

    /** Labels every waiting slice whose window lies within slices {@code 0..knownUpTo} (all of them at the last slice). */
    void flush(int knownUpTo, Sink sink) {
        int last = knownUpTo >= slices - 1 ? slices - 1 : knownUpTo - reach;
        for (; next <= last; next++) {
            if (propagated[next]) sink.write(next, labels(next));
            int old = next - reach;
            if (old >= 0) maps[old] = null;
        }
    }

    private int[] labels(int s) {
        Arrays.fill(best, 0f);
        Arrays.fill(sum, 0f);
        Arrays.fill(arg, -1);
        IntensityPrior prior = priorsOrNull == null ? null : priorsOrNull.at(s);
        int[] bins = prior == null ? null : priorsOrNull.bins(s);
        if (prior != null) Arrays.fill(max, 0f);
        SoftLabels[] window = new SoftLabels[kernel.length];
        int channels = channelLabels.length;
        for (int k = -reach; k <= reach; k++) window[k + reach] = map(Gaussian.reflect(s + k, slices));
        for (int c = 0; c < channels; c++) {
            int[] box = null;
            for (SoftLabels m : window) if (m != null && m.channel(c) != null) box = Patch.union(box, m.channel(c));
            if (box == null) continue;
            for (int y = box[0]; y < box[2]; y++) Arrays.fill(buf, y * width + box[1], y * width + box[3], 0f);
            for (int k = 0; k < window.length; k++) {
                Patch p = window[k] == null ? null : window[k].channel(c);
                if (p == null) continue;
                float g = kernel[k];
                for (int r = 0; r < p.height(); r++)
                    for (int q = 0, i = (p.y0() + r) * width + p.x0(); q < p.width(); q++, i++) buf[i] += g * p.data()[r * p.width() + q];
            }
            for (int y = box[0]; y < box[2]; y++)
                for (int i = y * width + box[1]; i < y * width + box[3]; i++) {
                    sum[i] += buf[i];
                    float v = buf[i];
                    if (prior != null) {
                        max[i] = Math.max(max[i], v);
                        v *= prior.factor(c + 1, bins[i]);
                    }
                    if (v > best[i]) { best[i] = v; arg[i] = c; }
                }
        }
        int[] out = new int[pixels];
        if (prior == null) for (int i = 0; i < pixels; i++) out[i] = rule.label(best[i], sum[i], arg[i], channelLabels);
        else for (int i = 0; i < pixels; i++) out[i] = rule.label(best[i], max[i], sum[i], arg[i], channelLabels, prior.factor(0, bins[i]));
        int[] hints = hintsOrNull.apply(s);
        if (hints != null)
            for (int i = 0; i < pixels; i++)
                if (hints[i] != 0) out[i] = hints[i] == Hints.BACKGROUND ? 0 : hints[i];
        return out;
    }

    private SoftLabels map(int s) {
        if (annotated[s]) return annotation.apply(s);
        return propagated[s] ? maps[s] : null;
    }
}
