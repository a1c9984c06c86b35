// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.Locale;
import org.labelprop.propagation.PropagationOptions;
import org.labelprop.request.Refinement;
import org.labelprop.request.Budget;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.request.Weights;

/**
 * The methods the benchmark compares, each a change of the request the command line describes: the image-blind baselines;
 * TV-L1 optical flow as the independent reference runs it (labels warped slice by slice, linear fusion, no smoothing,
 * background 1 − sum: {@link PropagationOptions#flowReference()}); and the deep method with its variants — the default
 * pipeline (the --weights network's fields refined on the scan under the annotations' constraint, as {@code propagate}
 * and {@code demo} run it), the network trained on the scan first (as {@code train} runs it), the trained network's
 * fields without refinement, and per-pair optimisation from zero without a network.
 */
enum BenchmarkMethod {
    NEAREST("nearest"), SHAPE("shape"), FLOW("flow"), DEEP("deep"), DEEP_TRAINED("deep-trained"), DEEP_NETWORK("deep-network"),
    DEEP_ZERO("deep-zero");

    private final String cliName;

    BenchmarkMethod(String cliName) { this.cliName = cliName; }

    String cliName() { return cliName; }

    /** {@code base} (the command line's request) turned into this method's request. */
    SegmentationRequest request(SegmentationRequest base, TrainingRequest training) {
        return switch (this) {
            case NEAREST -> base.withMethod(Method.NEAREST);
            case SHAPE -> base.withMethod(Method.SHAPE);
            case FLOW -> new SegmentationRequest(Method.FLOW, base.axis(), PropagationOptions.flowReference(), base.refinement(),
                base.weights(), null, base.seed());
            case DEEP -> base.withMethod(Method.DEEP);
            case DEEP_TRAINED -> base.withMethod(Method.DEEP).withTraining(training);
            case DEEP_NETWORK -> new SegmentationRequest(Method.DEEP, base.axis(), base.inference(), Refinement.steps(0).withFlowBlend(0), base.weights(),
                training, base.seed());
            case DEEP_ZERO -> new SegmentationRequest(Method.DEEP, base.axis(), base.inference(), base.refinement(), Weights.NONE,
                null, base.seed());
        };
    }

    static BenchmarkMethod parse(String s) {
        for (BenchmarkMethod m : values())
            if (m.cliName.equalsIgnoreCase(s.trim())) return m;
        throw new org.labelprop.UserInputException("--method", "unknown method '" + s + "': expected nearest, shape, flow, deep, "
            + "deep-trained, deep-network or deep-zero");
    }

    @Override public String toString() { return cliName.toLowerCase(Locale.ROOT); }
}
