// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A segmentation request on the command line: inference, refinement, weights and seed (the method, axis and training
 * come from the command). Defaults come from {@link SegmentationRequest#defaults()} through {@link RequestDefaults}.
 */
final class RequestOptions {
    @Mixin InferenceOptions inference;
    @Mixin BudgetOptions refinement;

    @Option(names = {"-w", "--weights"}, paramLabel = "CKPT|shipped|none",
        description = "Network weights to start from: a checkpoint file, 'shipped' (pretrained without labels on a public MR "
            + "volume, ships in the program, see README) or 'none' (random weights for training; per-pair optimisation from "
            + "zero without training). Default: ${DEFAULT-VALUE}.")
    String weights;

    @Option(names = "--seed", description = "Seed of initialisation, sampling and optimisation. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores. Default: ${DEFAULT-VALUE}.")
    int threads;

    SegmentationRequest request(Method method, String axis, TrainingRequest trainingOrNull) {
        return new SegmentationRequest(method, axis, inference.options(), refinement.refinement(), weights, trainingOrNull, seed);
    }
}
