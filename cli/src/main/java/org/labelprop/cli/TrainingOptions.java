// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.request.Budget;
import org.labelprop.request.LossSetting;
import org.labelprop.request.TrainingRequest;
import picocli.CommandLine.Option;

/** The request's "training" group: training of the network on the scan (or on a dataset) before use. */
final class TrainingOptions {
    @Option(names = "--train-steps", paramLabel = "N", description = "Training steps. Default: automatic.")
    Integer steps;

    @Option(names = "--train-seconds", paramLabel = "S", description = "Time limit of training. Default: automatic (see README).")
    Double seconds;

    @Option(names = "--loss", paramLabel = "paper|mse", description = "Loss setting: paper (NCC 9x9, smoothness 1, Dice 10) "
        + "or mse (10 MSE, smoothness 0.1, Dice 1), the original's two. Default: ${DEFAULT-VALUE}.")
    LossSetting loss;

    @Option(names = "--learning-rate", paramLabel = "LR", description = "Adam learning rate; 0 = the default. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    TrainingRequest request() { return new TrainingRequest(steps, seconds, loss, learningRate); }
}
