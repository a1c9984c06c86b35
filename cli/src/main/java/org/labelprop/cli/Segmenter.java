// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.labelprop.nn.TorchEngine;
import org.labelprop.nn.checkpoint.ShippedCheckpoint;
import org.labelprop.pipeline.OutputOptions;
import org.labelprop.pipeline.Segmentation;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.pipeline.SegmentationResult;
import org.labelprop.pipeline.SegmentationWriter;
import org.labelprop.propagation.SliceSuggestion;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.Weights;
import org.labelprop.volume.AxisNames;

/** Runs a request through the pipeline with a console progress bar, then writes and reports its outputs. */
final class Segmenter {
    private Segmenter() { }

    /** Runs {@code request} on {@code inputs}; prints what it does to {@code out}. */
    static SegmentationResult run(SegmentationRequest request, SegmentationInputs inputs, int threads, PrintWriter out)
            throws IOException {
        out.printf("%s along %s, %s%n", request.trains() ? "training then propagating" : "propagating with method "
            + request.method().key(), AxisNames.describe(AxisNames.resolve(request.axis(), inputs.image().grid()),
            inputs.image().grid()), request.method().registers() ? "starting weights: " + start(request) : "image-blind");
        out.flush();
        try (ConsoleProgress progress = new ConsoleProgress(out)) {
            return Segmentation.run(request, inputs, new TorchEngine(Path::of, threads), progress);
        }
    }

    /**
     * Writes the outputs as DIR/NAME_* in the format of {@code options} and DIR/NAME_suggestions.json (and DIR/NAME.ckpt
     * after training).
     */
    static void write(SegmentationResult r, SegmentationInputs inputs, Path dir, String name, OutputOptions options, PrintWriter out)
            throws IOException {
        Files.createDirectories(dir);
        if (r.trainingOrNull() != null && r.trainingOrNull().savable()) {
            Path ckpt = dir.resolve(name + ".ckpt");
            r.trainingOrNull().weights().save(ckpt);
            out.println(r.trainingOrNull().describe() + "; wrote " + ckpt);
        } else if (r.trainingOrNull() != null) {
            out.println(r.trainingOrNull().describe());
        }
        List<Path> files = SegmentationWriter.write(r, inputs.image().grid(), dir, name + "_", options);
        r.guidance().warnings().forEach((label, why) -> out.println("label " + label + ": " + why));
        out.println("wrote " + files.get(0) + " (+ " + files.subList(1, files.size()).stream()
            .map(f -> f.getFileName().toString().substring(name.length())).collect(Collectors.joining(", ")) + ")");
        if (!r.guidance().slices().isEmpty()) {
            StringBuilder sb = new StringBuilder("slices to annotate next (most useful first):");
            for (SliceSuggestion s : r.guidance().slices().subList(0, Math.min(5, r.guidance().slices().size())))
                sb.append(' ').append(s.slice());
            out.println(sb);
        }
        out.printf(Locale.ROOT, "done in %.1f s%n", r.seconds());
        out.flush();
    }

    private static String start(SegmentationRequest r) {
        Weights w = r.startWeights();
        return switch (w.kind()) {
            case SHIPPED -> ShippedCheckpoint.DESCRIPTION + " (--weights none for none)";
            case NONE -> r.trains() ? "none (random)" : "none (fields optimised per slice pair from zero)";
            case CHECKPOINT -> w.name();
        };
    }
}
