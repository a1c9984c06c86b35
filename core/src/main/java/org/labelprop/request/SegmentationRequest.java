// SPDX-License-Identifier: Apache-2.0
package org.labelprop.request;

import java.util.Objects;
import java.util.Set;
import org.labelprop.UserInputException;
import org.labelprop.propagation.PropagationOptions;

/**
 * What to segment and how: the one description of a segmentation that the CLI, the server's jobs and the browser UI all
 * use (picocli and Jackson bind to it; openapi.yaml describes it). {@link #defaults()} holds every default, once.
 *
 * @param method     how the slices between annotated ones are filled
 * @param axis       propagation axis: 0, 1, 2, x, y, z, axial, coronal or sagittal (the last three from the image's affine)
 * @param inference  how labels travel along the fields and how the two directions are fused (deep method)
 * @param refinement instance optimisation of every neighbour field at inference, starting from the network's, constrained
 *                   by the annotations (deep method)
 * @param weights    network weights of the deep method: "shipped", "none" or a stored checkpoint (see {@link Weights})
 * @param training   training on this scan before propagation (deep method only), or null for none
 * @param seed       seed of weight initialisation, sampling and optimisation: the same request on the same input gives the
 *                   same segmentation when budgets are given in steps
 */
public record SegmentationRequest(Method method, String axis, PropagationOptions inference, Refinement refinement, String weights,
                                  TrainingRequest training, long seed) {
    /** The accepted spellings of {@link #axis()}. */
    public static final Set<String> AXES = Set.of("0", "1", "2", "x", "y", "z", "i", "j", "k", "axial", "transverse", "coronal", "sagittal");

    public SegmentationRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(inference, "inference");
        Objects.requireNonNull(refinement, "refinement");
        UserInputException.check(axis != null && AXES.contains(axis.strip().toLowerCase(java.util.Locale.ROOT)), "axis",
            "axis must be 0, 1, 2, x, y, z, axial, coronal or sagittal, got " + (axis == null ? "nothing" : "'" + axis + "'"));
        Weights.of(weights);
        UserInputException.check(training == null || method == Method.DEEP, "training",
            "training applies to the deep method only, got method " + method.key());
    }

    /** The deep method along array axis 2, the default inference and refinement, shipped weights, no training, seed 42. */
    public static SegmentationRequest defaults() {
        return new SegmentationRequest(Method.DEEP, "2", PropagationOptions.defaults(), Refinement.defaults(), Weights.SHIPPED, null, 42);
    }

    /** The starting weights, parsed. */
    public Weights startWeights() { return Weights.of(weights); }

    /** Whether the network is trained on the scan first. */
    public boolean trains() { return training != null; }

    public SegmentationRequest withMethod(Method m) { return new SegmentationRequest(m, axis, inference, refinement, weights, training, seed); }

    public SegmentationRequest withAxis(String a) { return new SegmentationRequest(method, a, inference, refinement, weights, training, seed); }

    public SegmentationRequest withRefinement(Refinement r) { return new SegmentationRequest(method, axis, inference, r, weights, training, seed); }

    public SegmentationRequest withTraining(TrainingRequest t) { return new SegmentationRequest(method, axis, inference, refinement, weights, t, seed); }
}
