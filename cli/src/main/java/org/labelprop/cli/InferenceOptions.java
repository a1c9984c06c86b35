// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.propagation.PropagationOptions;
import org.labelprop.propagation.PropagationOptions.Fusion;
import org.labelprop.propagation.PropagationOptions.WarpMode;
import picocli.CommandLine.Option;

/** The request's "inference" group: how labels travel along the fields and how the two directions are fused. */
final class InferenceOptions {
    @Option(names = "--fusion", paramLabel = "auto|ncc|distance|linear",
        description = "How the two directions are fused: linear (weights linear in the distance to the two annotations), auto "
            + "(averaged between annotations up to 10 slices apart, weighted by local registration quality (NCC) from 20 apart, "
            + "blended in between), ncc (always NCC, as the original) or distance (arctan of the distance, the original's "
            + "distance weights). Default: ${DEFAULT-VALUE}.")
    Fusion fusion;

    @Option(names = "--distance-constant", paramLabel = "C",
        description = "C of the distance weights 1/2 + atan(C (i - mid)) / pi; 1 (the original) switches nearly at the midpoint, "
            + "smaller values blend over more slices. Default: ${DEFAULT-VALUE}.")
    double distanceConstant;

    @Option(names = "--warp", paramLabel = "sequential|composed",
        description = "sequential (one bilinear resampling per slice, as the original) or composed (each annotation warped once "
            + "by the composed field). Default: ${DEFAULT-VALUE}.")
    WarpMode warp;

    @Option(names = "--extrapolate", description = "Also propagate beyond the first and last annotated slice.")
    boolean extrapolate;

    @Option(names = "--ncc-window", paramLabel = "PX", description = "Side of the local NCC window of the fusion weights "
        + "(odd). Default: ${DEFAULT-VALUE}.")
    int nccWindow;

    @Option(names = "--field-smoothing", paramLabel = "PX",
        description = "Gaussian sigma in pixels applied to every slice-to-slice field before propagation; 0 = none. "
            + "Default: ${DEFAULT-VALUE}.")
    double fieldSmoothing;

    @Option(names = "--slice-smoothing", paramLabel = "SLICES",
        description = "Gaussian sigma in slices applied across slices to the fused probabilities before labels are chosen; "
            + "0 = none (as the original). Default: ${DEFAULT-VALUE}.")
    double sliceSmoothing;

    @Option(names = "--background", paramLabel = "one_minus_max|one_minus_sum",
        description = "The background's soft value before labels are chosen: one_minus_max (1 - max of the labels: a label "
            + "needs more than 1/2) or one_minus_sum (1 - their sum, as warping a background channel gives). Default: ${DEFAULT-VALUE}.")
    PropagationOptions.Background background;

    @Option(names = "--background-weight", paramLabel = "W",
        description = "The background's soft value is multiplied by W (0 < W <= 2) before labels are chosen; below 1 a label "
            + "wins with somewhat less than the background, which offsets the shrinking of probabilities blurred along the "
            + "chain; 1 = the plain argmax (as the original). Default: ${DEFAULT-VALUE}.")
    double backgroundWeight;

    @Option(names = "--intensity-prior", paramLabel = "POWER",
        description = "Power (0..2) of the intensity prior: before labels are chosen, each class's probability is multiplied by "
            + "the likelihood of the pixel's intensity under that class, learnt from the two annotated slices around, to this "
            + "power; it moves boundaries towards intensity edges. 0 = none (as the original). Default: ${DEFAULT-VALUE}.")
    double intensityPrior;

    PropagationOptions options() {
        return new PropagationOptions(fusion, distanceConstant, warp, extrapolate, nccWindow, fieldSmoothing, sliceSmoothing,
            background, backgroundWeight, intensityPrior);
    }
}
