// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

import java.util.Arrays;

/**
 * Weights linear in the distance to the two annotated slices: between annotated slices {@code a < b}, slice i gets
 * {@code w_down(i) = (i - a) / (b - a)} and {@code w_up(i) = 1 - w_down(i) = (b - i) / (b - a)}, the same for every
 * pixel: each walk counts in proportion to how close its source is. This is how optical-flow label propagation is
 * usually fused, and the limit of {@link DistanceWeights} for a small constant.
 */
public record LinearWeights() implements FusionWeights {
    /** Down weight of slice {@code i} between annotated slices {@code a < b}. */
    public static double down(int i, int a, int b) {
        if (!(a < i && i < b))
            throw new IllegalArgumentException("slice " + i + " must lie strictly between annotated slices " + a + " and " + b);
        return (i - a) / (double) (b - a);
    }

    @Override
    public float[] upWeights(FusionContext c) {
        float[] w = new float[c.pixels()];
        Arrays.fill(w, (float) (1 - down(c.slice(), c.lower(), c.upper())));
        return w;
    }
}
