// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import org.labelprop.propagation.PropagationOptions.Background;

/**
 * How one pixel's label is chosen from its soft values: the largest label channel against the background's soft value
 * ({@link Background}) times {@code backgroundWeight}; ties go to the background. A weight below 1 lets a label win with
 * somewhat less than the background, which offsets the shrinking of soft maps blurred along a walk (see
 * {@link PropagationOptions#backgroundWeight()}).
 */
record LabelRule(Background background, float backgroundWeight) {
    LabelRule(PropagationOptions options) { this(options.background(), (float) options.backgroundWeight()); }

    /**
     * The label of a pixel whose largest channel value is {@code max} at channel {@code channel} (-1: none) and whose
     * channel values sum to {@code sum}.
     */
    int label(float max, float sum, int channel, int[] channelLabels) { return label(max, max, sum, channel, channelLabels, 1f); }

    /**
     * The same rule with an intensity prior ({@link IntensityPrior}): the best label channel's value {@code weighted}
     * already times its likelihood, the background's soft value (from the plain {@code max} and {@code sum}) times
     * {@code backgroundLikelihood}.
     */
    int label(float weighted, float max, float sum, int channel, int[] channelLabels, float backgroundLikelihood) {
        float bg = background == Background.ONE_MINUS_SUM ? 1 - sum : 1 - max;
        return weighted > backgroundWeight * bg * backgroundLikelihood ? channelLabels[channel] : 0;
    }
}
