// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.Locale;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.propagation.PropagationOptions;
import picocli.CommandLine.Option;

/** Options of deep propagation: fields (network + refinement) and fusion. */
final class DeepOptions {
    @Option(names = "--fusion", defaultValue = "ncc",
        description = "How the two directions are fused: ncc (local registration quality, 31x31) or distance. Default: ${DEFAULT-VALUE}.")
    String fusion;

    @Option(names = "--warp", defaultValue = "sequential",
        description = "sequential (one bilinear resampling per slice, as the original; measured best on the benchmark) or "
            + "composed (each annotation warped once by the composed field). Default: ${DEFAULT-VALUE}.")

    String warp;

    @Option(names = "--refine-steps", defaultValue = "-1",
        description = "Refinement (instance optimisation) steps per slice pair at inference; -1 = as many as fit in "
            + "--refine-seconds; 0 = network only. Default: ${DEFAULT-VALUE}.")
    int refineSteps;

    @Option(names = "--refine-seconds", defaultValue = "20", description = "Time budget of refinement when --refine-steps is -1. Default: ${DEFAULT-VALUE}.")
    double refineSeconds;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--extrapolate", description = "Also propagate beyond the first and last annotated slice.")
    boolean extrapolate;

    RegistrarConfig registrar() {
        return RegistrarConfig.defaults().withRefineSteps(refineSteps).withRefineSeconds(refineSeconds).withThreads(threads);
    }

    PropagationOptions propagation() {
        PropagationOptions.Fusion f = switch (fusion.toLowerCase(Locale.ROOT)) {
            case "ncc" -> PropagationOptions.Fusion.NCC;
            case "distance" -> PropagationOptions.Fusion.DISTANCE;
            default -> throw new UserException("--fusion must be ncc or distance, got '" + fusion + "'");
        };
        PropagationOptions.WarpMode w = switch (warp.toLowerCase(Locale.ROOT)) {
            case "composed" -> PropagationOptions.WarpMode.COMPOSED;
            case "sequential" -> PropagationOptions.WarpMode.SEQUENTIAL;
            default -> throw new UserException("--warp must be composed or sequential, got '" + warp + "'");
        };
        return PropagationOptions.defaults().withFusion(f).withWarpMode(w).withExtrapolate(extrapolate);
    }
}
