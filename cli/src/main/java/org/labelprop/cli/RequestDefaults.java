// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.request.Weights;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Fills the request options with the defaults of {@link SegmentationRequest#defaults()} and
 * {@link TrainingRequest#defaults()}, so the defaults live in one place and {@code --help} shows them. The dataset
 * commands (pretrain, train-dataset) start from no weights.
 */
final class RequestDefaults implements IDefaultValueProvider {
    private static final Map<String, Function<SegmentationRequest, Object>> REQUEST = Map.ofEntries(
        Map.entry("--axis", SegmentationRequest::axis),
        Map.entry("--fusion", r -> r.inference().fusion()),
        Map.entry("--distance-constant", r -> r.inference().distanceConstant()),
        Map.entry("--warp", r -> r.inference().warp()),
        Map.entry("--ncc-window", r -> r.inference().nccWindow()),
        Map.entry("--field-smoothing", r -> r.inference().fieldSmoothing()),
        Map.entry("--slice-smoothing", r -> r.inference().sliceSmoothing()),
        Map.entry("--background", r -> r.inference().background()),
        Map.entry("--background-weight", r -> r.inference().backgroundWeight()),
        Map.entry("--intensity-prior", r -> r.inference().intensityPrior()),
        Map.entry("--annotation-weight", r -> r.refinement().annotationWeight()),
        Map.entry("--flow-blend", r -> r.refinement().flowBlend()),
        Map.entry("--dense-training-steps", r -> r.refinement().denseTrainingSteps()),
        Map.entry("--weights", SegmentationRequest::weights),
        Map.entry("--seed", SegmentationRequest::seed));
    private static final Map<String, Function<TrainingRequest, Object>> TRAINING = Map.of(
        "--loss", TrainingRequest::loss,
        "--learning-rate", TrainingRequest::learningRate);

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec o)) return null;
        String name = o.longestName();
        String command = o.command() == null ? "" : o.command().name();
        if (name.equals("--weights") && (command.equals("pretrain") || command.equals("train-dataset"))) return Weights.NONE;
        Object v = REQUEST.containsKey(name) ? REQUEST.get(name).apply(SegmentationRequest.defaults())
            : TRAINING.containsKey(name) ? TRAINING.get(name).apply(TrainingRequest.defaults()) : null;
        return v == null ? null : v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(v);
    }
}
