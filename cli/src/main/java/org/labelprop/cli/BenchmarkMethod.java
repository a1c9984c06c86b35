// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.Locale;
import org.labelprop.request.Budget;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;

/**
 * The methods the benchmark compares: the image-blind baselines and the deep method with its variants — trained on the
 * scan and refined (the default), network fields only, and per-pair optimisation from zero without a network — each a
 * change of the request the command line describes.
 */
enum BenchmarkMethod {
    NEAREST("nearest"), SHAPE("shape"), DEEP("deep"), DEEP_NETWORK("deep-network"), DEEP_ZERO("deep-zero");

    private final String cliName;

    BenchmarkMethod(String cliName) { this.cliName = cliName; }

    String cliName() { return cliName; }

    /** {@code base} (the command line's request) turned into this method's request. */
    SegmentationRequest request(SegmentationRequest base, TrainingRequest training) {
        return switch (this) {
            case NEAREST -> base.withMethod(Method.NEAREST);
            case SHAPE -> base.withMethod(Method.SHAPE);
            case DEEP -> base.withMethod(Method.DEEP).withTraining(training);
            case DEEP_NETWORK -> new SegmentationRequest(Method.DEEP, base.axis(), base.inference(), Budget.steps(0), base.weights(),
                training, base.seed());
            case DEEP_ZERO -> new SegmentationRequest(Method.DEEP, base.axis(), base.inference(), base.refinement(), "none", null,
                base.seed());
        };
    }

    static BenchmarkMethod parse(String s) {
        for (BenchmarkMethod m : values())
            if (m.cliName.equalsIgnoreCase(s.trim())) return m;
        throw new org.labelprop.UserInputException("--method", "unknown method '" + s + "': expected nearest, shape, deep, "
            + "deep-network or deep-zero");
    }

    @Override public String toString() { return cliName.toLowerCase(Locale.ROOT); }
}
