// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.request.Budget;
import picocli.CommandLine.Option;

/** The request's refinement budget: instance optimisation of every neighbour field at inference. */
final class BudgetOptions {
    @Option(names = "--refine-steps", paramLabel = "N",
        description = "Refinement steps per slice pair at inference (0 = the network's fields only). Default: automatic.")
    Integer refineSteps;

    @Option(names = "--refine-seconds", paramLabel = "S",
        description = "Time limit of refinement. Default: automatic (see README).")
    Double refineSeconds;

    Budget refinement() { return new Budget(refineSteps, refineSeconds); }
}
