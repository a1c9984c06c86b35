// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.Locale;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.propagation.PropagationOptions;
import picocli.CommandLine.Option;

/** Options of deep propagation: fields (network + refinement) and fusion. */
final class DeepOptions {
    @Option(names = "--fusion", defaultValue = "auto",
        description = "How the two directions are fused: auto (averaged between annotations up to 10 slices apart, "
            + "weighted by local registration quality (NCC 31x31) from 20 apart, blended in between), ncc (always NCC, "
            + "as the original) or distance. Default: ${DEFAULT-VALUE}.")
    String fusion;

    @Option(names = "--field-smoothing", paramLabel = "PX", defaultValue = "1",
        description = "Gaussian sigma in pixels applied to every slice-to-slice field before propagation; 0 = none. "
            + "Default: ${DEFAULT-VALUE}.")
    double fieldSmoothing;

    @Option(names = "--slice-smoothing", paramLabel = "SLICES", defaultValue = "1",
        description = "Gaussian sigma in slices applied across slices to the fused probabilities before labels are "
            + "chosen; 0 = none (as the original). Default: ${DEFAULT-VALUE}.")
    double sliceSmoothing;

    @Option(names = "--warp", defaultValue = "sequential",
        description = "sequential (one bilinear resampling per slice, as the original; measured best on the benchmark) or "
            + "composed (each annotation warped once by the composed field). Default: ${DEFAULT-VALUE}.")

    String warp;

    @Option(names = "--refine-steps", defaultValue = "-1",
        description = "Refinement (instance optimisation) steps per slice pair at inference; -1 = as many as fit in "
            + "--refine-seconds; 0 = network only. Default: ${DEFAULT-VALUE}.")
    int refineSteps;

    @Option(names = "--refine-seconds", paramLabel = "S", description = "Time budget of refinement when --refine-steps is -1. "
        + "Default: 5 s from a network, 20 s from zero (propagate without --checkpoint, benchmark deep-zero).")
    Double refineSeconds;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--extrapolate", description = "Also propagate beyond the first and last annotated slice.")
    boolean extrapolate;

    /** Fields from a network, refined. */
    RegistrarConfig registrar() { return configure(RegistrarConfig.defaults()); }

    /** Fields optimised per pair from zero, without a network. */
    RegistrarConfig registrarFromZero() { return configure(RegistrarConfig.fromZeroDefaults()); }

    private RegistrarConfig configure(RegistrarConfig base) {
        RegistrarConfig c = base.withRefineSteps(refineSteps).withThreads(threads);
        return refineSeconds == null ? c : c.withRefineSeconds(refineSeconds);
    }

    PropagationOptions propagation() {
        PropagationOptions.Fusion f = switch (fusion.toLowerCase(Locale.ROOT)) {
            case "auto" -> PropagationOptions.Fusion.AUTO;
            case "ncc" -> PropagationOptions.Fusion.NCC;
            case "distance" -> PropagationOptions.Fusion.DISTANCE;
            default -> throw new UserException("--fusion must be auto, ncc or distance, got '" + fusion + "'");
        };
        PropagationOptions.WarpMode w = switch (warp.toLowerCase(Locale.ROOT)) {
            case "composed" -> PropagationOptions.WarpMode.COMPOSED;
            case "sequential" -> PropagationOptions.WarpMode.SEQUENTIAL;
            default -> throw new UserException("--warp must be composed or sequential, got '" + warp + "'");
        };
        return PropagationOptions.defaults().withFusion(f).withWarpMode(w).withExtrapolate(extrapolate)
            .withFieldSmoothing(fieldSmoothing).withSliceSmoothing(sliceSmoothing);
    }
}
