// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

/**
 * How much the up propagation (from the lower annotated slice) counts against the down propagation (from the upper
 * one) at each pixel of a slice between them: {@code Y = w_up * Y_up + (1 - w_up) * Y_down}.
 */
public interface FusionWeights {
    /** Whether {@link #upWeights} reads the warped source images, so the propagation must compute them. */
    default boolean needsImages() { return false; }

    /** Whether the weights of a gap between annotated slices {@code lower < upper} read the warped source images. */
    default boolean needsImages(int lower, int upper) { return needsImages(); }

    /** Per-pixel up weights in [0, 1] for {@code context.slice()}, row-major; the down weight is one minus it. */
    float[] upWeights(FusionContext context);
}
