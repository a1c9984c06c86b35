// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.request.Refinement;
import picocli.CommandLine.Option;

/** The request's refinement: instance optimisation of every neighbour field at inference, constrained by the annotations. */
final class BudgetOptions {
    @Option(names = "--refine-steps", paramLabel = "N",
        description = "Refinement steps per slice pair at inference (0 = the network's fields only). Default: " + Refinement.DEFAULT_STEPS + " (" + Refinement.DEFAULT_STEPS_AFTER_DENSE_TRAINING
            + " after the dense training, " + 4 * Refinement.DEFAULT_STEPS + " with --weights none).")
    Integer refineSteps;

    @Option(names = "--refine-seconds", paramLabel = "S",
        description = "Time limit of refinement (the result then depends on the machine's speed). Default: none.")
    Double refineSeconds;

    @Option(names = "--annotation-weight", paramLabel = "W",
        description = "Weight of the annotations' constraint in refinement: an annotated slice carried through the fields to "
            + "the next annotated one must match it (0 = unsupervised refinement). Default: ${DEFAULT-VALUE}.")
    double annotationWeight;

    @Option(names = "--flow-blend", paramLabel = "W",
        description = "Share of TV-L1 optical flow as a second opinion: every walk also follows the flow fields and the two "
            + "soft label maps are mixed with this share (0 = the refined fields alone); on gaps longer than 20 mm the flow is "
            + "refined under the annotations too. Default: ${DEFAULT-VALUE}.")
    double flowBlend;

    @Option(names = "--dense-training-steps", paramLabel = "N",
        description = "Training steps of the network on the scan before refinement when the annotations are dense (no gap "
            + "between annotated slices longer than " + (int) Refinement.LONG_GAP_MM + " mm; 0 = never; none with --refine-seconds). "
            + "Default: ${DEFAULT-VALUE}.")
    int denseTrainingSteps;

    Refinement refinement() { return new Refinement(refineSteps, refineSeconds, annotationWeight, flowBlend, denseTrainingSteps); }
}
