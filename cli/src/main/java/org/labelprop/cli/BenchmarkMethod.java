// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.Locale;

/**
 * The methods the benchmark compares: the classical baselines, TV-L1 optical flow (scikit-image's defaults, chained,
 * linear fusion, no training) and the deep method with its variants — network fields only, network fields refined per
 * slice pair (the default), and per-pair optimisation from zero without a network.
 */
enum BenchmarkMethod {
    NEAREST("nearest"), SHAPE("shape"), FLOW("flow"), DEEP("deep"), DEEP_NETWORK("deep-network"), DEEP_ZERO("deep-zero");

    private final String cliName;

    BenchmarkMethod(String cliName) { this.cliName = cliName; }

    String cliName() { return cliName; }

    /** Whether the method needs a network trained on the scan. */
    boolean needsTraining() { return this == DEEP || this == DEEP_NETWORK; }

    boolean classical() { return this == NEAREST || this == SHAPE; }

    static BenchmarkMethod parse(String s) {
        for (BenchmarkMethod m : values())
            if (m.cliName.equalsIgnoreCase(s.trim())) return m;
        throw new UserException("unknown method '" + s + "': expected nearest, shape, flow, deep, deep-network or deep-zero");
    }

    @Override public String toString() { return cliName.toLowerCase(Locale.ROOT); }
}
