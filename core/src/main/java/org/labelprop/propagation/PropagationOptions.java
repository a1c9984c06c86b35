// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Objects;
import org.labelprop.UserInputException;
import org.labelprop.field.Gaussian;
import org.labelprop.fusion.DistanceWeights;
import org.labelprop.fusion.FusionWeights;
import org.labelprop.fusion.GapAdaptiveWeights;
import org.labelprop.fusion.LinearWeights;
import org.labelprop.fusion.SimilarityWeights;

/**
 * How {@link LabelPropagation} propagates and fuses (the "inference" part of a segmentation request). The defaults
 * ({@link #defaults()}) and the original tool's inference ({@link #original()}) are documented in docs/benchmark.md (how
 * each default was decided) and the README (the options).
 *
 * @param fusion            how the up and down propagations are weighted
 * @param distanceConstant  C in {@code w_down = 1/2 + atan(C (i - a - (b-a)/2)) / pi}; 1 = nearly a hard switch at the
 *                          midpoint (original), smaller values blend over more slices
 * @param warp              SEQUENTIAL (one bilinear resampling per slice, as the original; soft maps blur over long gaps)
 *                          or COMPOSED (fields composed, the source annotation resampled once)
 * @param extrapolate       propagate one way from the first/last annotated slice to the ends of the volume
 * @param nccWindow         odd window side of the local NCC (31 = radius 15)
 * @param fieldSmoothing    sigma in pixels of the Gaussian applied to every neighbour field before use (0 = none); it
 *                          damps the registration's pixel-scale noise, which accumulates along a walk
 * @param sliceSmoothing    sigma in slices of the Gaussian applied across slices to the fused soft maps before the
 *                          labels are chosen (0 = none): one slice's drift is outvoted by its neighbours, whose walks are
 *                          one step shorter or longer. Annotated slices keep their annotation, slices no walk reached
 *                          stay background, and hints still win on hinted slices.
 * @param background        how the background's soft value is formed before the argmax
 * @param backgroundWeight  the background's soft value is multiplied by it before the argmax, within (0, 2]: below 1 a
 *                          label wins with somewhat less than the background (0.8 with 1 - sum: a lone label needs more
 *                          than 4/9 instead of 1/2). Soft maps blurred along a walk lose their 1/2 contour inwards on
 *                          convex shapes and thin ribbons, so the plain argmax under-segments; 0.8 was chosen on the
 *                          development suite's mean (docs/benchmark.md). 1 = the plain argmax (original, flow reference).
 * @param intensityPrior    the power of the intensity prior, within [0, 2] (0 = none): before the labels are chosen, each
 *                          class's fused soft value (the background's too) is multiplied by the likelihood of the pixel's
 *                          intensity under that class to this power, the likelihood a histogram fitted on the two
 *                          annotated slices around the slice ({@link IntensityPrior}). 0.25 by default, chosen on the
 *                          development suite's mean (docs/benchmark.md): it moves boundaries the propagation left
 *                          between tissues towards the intensity edge; 0 for the original and the flow reference.
 */
public record PropagationOptions(Fusion fusion, double distanceConstant, WarpMode warp, boolean extrapolate, int nccWindow,
                                 double fieldSmoothing, double sliceSmoothing, Background background, double backgroundWeight,
                                 double intensityPrior) {
    /**
     * Fusion weight strategies: AUTO = {@link GapAdaptiveWeights}, NCC = {@link SimilarityWeights}, DISTANCE =
     * {@link DistanceWeights}, LINEAR = {@link LinearWeights} (the optical-flow reference's).
     */
    public enum Fusion { AUTO, DISTANCE, NCC, LINEAR }

    /**
     * The background's soft value: ONE_MINUS_MAX = {@code 1 - max over labels} (the original's rule: a label needs more
     * than 1/2), ONE_MINUS_SUM = {@code 1 - sum over labels}, which is what warping the background as one more one-hot
     * channel gives inside the slice, and lets a label win with less than 1/2 where labels meet. Figures in
     * docs/benchmark.md.
     */
    public enum Background { ONE_MINUS_MAX, ONE_MINUS_SUM }

    /** How soft labels travel along a chain of fields. */
    public enum WarpMode { SEQUENTIAL, COMPOSED }

    public PropagationOptions {
        Objects.requireNonNull(fusion, "fusion");
        Objects.requireNonNull(warp, "warp");
        Objects.requireNonNull(background, "background");
        UserInputException.check(distanceConstant > 0 && Double.isFinite(distanceConstant), "inference.distanceConstant",
            "inference.distanceConstant must be positive and finite, got " + distanceConstant);
        UserInputException.check(nccWindow >= 3 && nccWindow <= 101 && nccWindow % 2 == 1, "inference.nccWindow",
            "inference.nccWindow must be an odd number within 3..101 (2*radius+1), got " + nccWindow);
        UserInputException.check(fieldSmoothing >= 0 && fieldSmoothing <= 10, "inference.fieldSmoothing",
            "inference.fieldSmoothing must be within [0, 10] pixels, got " + fieldSmoothing);
        UserInputException.check(sliceSmoothing >= 0 && sliceSmoothing <= 10, "inference.sliceSmoothing",
            "inference.sliceSmoothing must be within [0, 10] slices, got " + sliceSmoothing);
        UserInputException.check(backgroundWeight > 0 && backgroundWeight <= 2, "inference.backgroundWeight",
            "inference.backgroundWeight must be within (0, 2], got " + backgroundWeight);
        UserInputException.check(intensityPrior >= 0 && intensityPrior <= 2, "inference.intensityPrior",
            "inference.intensityPrior must be within [0, 2] (0 = none), got " + intensityPrior);
    }

    /** The default {@link #backgroundWeight()}. */
    public static final double DEFAULT_BACKGROUND_WEIGHT = 0.8;

    /** The default {@link #intensityPrior()}. */
    public static final double DEFAULT_INTENSITY_PRIOR = 0.25;

    /**
     * LINEAR fusion, C = 1, sequential warping, no extrapolation, NCC window 31, both smoothings 1, background 1 - sum
     * weighted 0.8, intensity prior 0.25 (chosen on the development suite's mean among the variants of fusion, smoothing and background
     * compared on the same fields: docs/benchmark.md).
     */
    public static PropagationOptions defaults() {
        return new PropagationOptions(Fusion.LINEAR, DistanceWeights.DEFAULT_CONSTANT, WarpMode.SEQUENTIAL, false,
            SimilarityWeights.DEFAULT_WINDOW, 1.0, 1.0, Background.ONE_MINUS_SUM, DEFAULT_BACKGROUND_WEIGHT,
            DEFAULT_INTENSITY_PRIOR);
    }

    /**
     * The original LabelProp's inference: NCC fusion, no smoothing of fields or across slices, background 1 - max,
     * unweighted, no intensity prior.
     */
    public static PropagationOptions original() {
        PropagationOptions d = defaults();
        return new PropagationOptions(Fusion.NCC, d.distanceConstant, d.warp, d.extrapolate, d.nccWindow, 0, 0, Background.ONE_MINUS_MAX, 1, 0);
    }

    /**
     * The independent optical-flow reference's propagation: labels warped slice by slice, linear fusion by distance, no
     * smoothing, background 1 - sum (a warped background channel), unweighted, no intensity prior.
     */
    public static PropagationOptions flowReference() {
        PropagationOptions d = defaults();
        return new PropagationOptions(Fusion.LINEAR, d.distanceConstant, WarpMode.SEQUENTIAL, false, d.nccWindow, 0, 0,
            Background.ONE_MINUS_SUM, 1, 0);
    }

    public PropagationOptions withFusion(Fusion f) { return new PropagationOptions(f, distanceConstant, warp, extrapolate, nccWindow, fieldSmoothing, sliceSmoothing, background, backgroundWeight, intensityPrior); }

    public PropagationOptions withWarp(WarpMode m) { return new PropagationOptions(fusion, distanceConstant, m, extrapolate, nccWindow, fieldSmoothing, sliceSmoothing, background, backgroundWeight, intensityPrior); }

    public PropagationOptions withBackgroundWeight(double w) { return new PropagationOptions(fusion, distanceConstant, warp, extrapolate, nccWindow, fieldSmoothing, sliceSmoothing, background, w, intensityPrior); }

    public PropagationOptions withIntensityPrior(double p) { return new PropagationOptions(fusion, distanceConstant, warp, extrapolate, nccWindow, fieldSmoothing, sliceSmoothing, background, backgroundWeight, p); }

    public PropagationOptions withExtrapolate(boolean e) { return new PropagationOptions(fusion, distanceConstant, warp, e, nccWindow, fieldSmoothing, sliceSmoothing, background, backgroundWeight, intensityPrior); }

    /** The weight strategy these options describe. */
    public FusionWeights weights() {
        DistanceWeights distance = new DistanceWeights(distanceConstant);
        SimilarityWeights ncc = new SimilarityWeights(nccWindow, distance);
        return switch (fusion) {
            case DISTANCE -> distance;
            case NCC -> ncc;
            case AUTO -> new GapAdaptiveWeights(ncc);
            case LINEAR -> new LinearWeights();
        };
    }

    /** The across-slice kernel, offsets {@code -r..r}. */
    float[] sliceKernel() { return Gaussian.kernel(sliceSmoothing); }
}
