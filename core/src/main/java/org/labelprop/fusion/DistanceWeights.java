// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

import java.util.Arrays;

/**
 * Weights by distance to the two annotated slices (paper eq., original {@code criteria='distance'}):
 * {@code w_down(i) = 1/2 + atan(C * (i - a - (b - a)/2)) / pi}, {@code w_up = 1 - w_down}, the same for every pixel.
 * The original uses C = 1 (and 3.14 for pi), which is nearly a hard switch at the midpoint: three slices from it the
 * weights are already 0.90/0.10. A smaller C (e.g. 0.2) blends over a longer stretch.
 *
 * @param constant C, per slice, > 0
 */
public record DistanceWeights(double constant) implements FusionWeights {
    /** The original's constant. */
    public static final double DEFAULT_CONSTANT = 1.0;

    public DistanceWeights {
        if (!(constant > 0 && Double.isFinite(constant)))
            throw new IllegalArgumentException("distance constant C must be positive and finite, got " + constant);
    }

    /** Down weight of slice {@code i} between annotated slices {@code a < b}. */
    public double down(int i, int a, int b) {
        return 0.5 + Math.atan(constant * (i - a - (b - a) / 2.0)) / Math.PI;
    }

    /** Up weight of slice {@code i} between annotated slices {@code a < b}: {@code 1 - down(i, a, b)}. */
    public double up(int i, int a, int b) { return 1 - down(i, a, b); }

    @Override
    public float[] upWeights(FusionContext c) {
        float[] w = new float[c.pixels()];
        Arrays.fill(w, (float) up(c.slice(), c.lower(), c.upper()));
        return w;
    }
}
