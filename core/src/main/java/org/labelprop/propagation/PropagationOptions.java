// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Objects;
import org.labelprop.fusion.DistanceWeights;
import org.labelprop.fusion.FusionWeights;
import org.labelprop.fusion.SimilarityWeights;

/**
 * How {@link LabelPropagation} propagates and fuses. Defaults ({@link #defaults()}) follow the original: NCC fusion,
 * distance constant C = 1 (used by DISTANCE fusion and as NCC's fallback), sequential warping, no extrapolation,
 * NCC window 31 (radius 15).
 *
 * @param fusion            how the up and down propagations are weighted
 * @param distanceConstant  C in {@code w_down = 1/2 + atan(C (i - a - (b-a)/2)) / pi}; 1 = nearly a hard switch at the
 *                          midpoint (original), smaller values blend over more slices
 * @param warpMode          SEQUENTIAL (original: one bilinear resampling per slice, soft maps blur over long gaps) or
 *                          COMPOSED (fields composed, the source annotation resampled once; B6)
 * @param extrapolate       propagate one way from the first/last annotated slice to the ends of the volume
 * @param nccWindow         odd window side of the local NCC (31 = radius 15)
 */
public record PropagationOptions(Fusion fusion, double distanceConstant, WarpMode warpMode, boolean extrapolate, int nccWindow) {
    /** Fusion weight strategies. */
    public enum Fusion { DISTANCE, NCC }

    /** How soft labels travel along a chain of fields. */
    public enum WarpMode { SEQUENTIAL, COMPOSED }

    public PropagationOptions {
        Objects.requireNonNull(fusion, "fusion");
        Objects.requireNonNull(warpMode, "warpMode");
        new DistanceWeights(distanceConstant);
        new SimilarityWeights(nccWindow, new DistanceWeights(distanceConstant));
    }

    public static PropagationOptions defaults() {
        return new PropagationOptions(Fusion.NCC, DistanceWeights.DEFAULT_CONSTANT, WarpMode.SEQUENTIAL, false,
            SimilarityWeights.DEFAULT_WINDOW);
    }

    public PropagationOptions withFusion(Fusion f) { return new PropagationOptions(f, distanceConstant, warpMode, extrapolate, nccWindow); }

    public PropagationOptions withDistanceConstant(double c) { return new PropagationOptions(fusion, c, warpMode, extrapolate, nccWindow); }

    public PropagationOptions withWarpMode(WarpMode m) { return new PropagationOptions(fusion, distanceConstant, m, extrapolate, nccWindow); }

    public PropagationOptions withExtrapolate(boolean e) { return new PropagationOptions(fusion, distanceConstant, warpMode, e, nccWindow); }

    public PropagationOptions withNccWindow(int w) { return new PropagationOptions(fusion, distanceConstant, warpMode, extrapolate, w); }

    /** The weight strategy these options describe. */
    public FusionWeights weights() {
        DistanceWeights distance = new DistanceWeights(distanceConstant);
        return fusion == Fusion.DISTANCE ? distance : new SimilarityWeights(nccWindow, distance);
    }
}
