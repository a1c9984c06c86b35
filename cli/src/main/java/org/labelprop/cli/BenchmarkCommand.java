// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.bench.Phantom;
import org.labelprop.io.AtomicFiles;
import org.labelprop.metrics.Evaluation;
import org.labelprop.metrics.EvaluationReport;
import org.labelprop.nn.TorchEngine;
import org.labelprop.pipeline.Segmentation;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.pipeline.SegmentationResult;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.volume.LabelVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop benchmark}: accuracy, time and memory of each method on the real-MR benchmark case. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = {"Builds the benchmark case (Colin27 T1 + AAL deep grey matter, 12 structures, axial) from Debian's "
        + "mricron-data, runs each method on the '3 slices' and 'every 10th' protocols and prints the mean Dice on the "
        + "non-annotated slices inside each label's annotated range (primary metric), HD95, wall time and peak memory.",
        "Deep methods: deep (network trained on the scan, fields refined per slice pair), deep-network (the same network, "
            + "no refinement), deep-zero (per-pair optimisation from zero, no network). Their time includes training."})
final class BenchmarkCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin RequestOptions options;
    @Mixin TrainingOptions training;

    @Option(names = "--method", split = ",", defaultValue = "nearest,shape",
        description = "Methods, comma-separated: nearest, shape, deep, deep-network, deep-zero. Default: ${DEFAULT-VALUE}.")
    List<String> methods;

    @Option(names = "--protocol", split = ",", description = "Protocols to run: '3 slices', 'every 10th' (or 3, 10). Default: both.")
    List<String> protocols;

    @Option(names = "--phantom", description = "Use the generated phantom instead of the real MR data.")
    boolean phantom;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<BenchmarkMethod> chosen = methods.stream().map(BenchmarkMethod::parse).toList();
        // every request is built (and so checked) before any training
        SegmentationRequest base = options.request(Method.DEEP, "2", null);
        var trainingRequest = training.request();
        BenchmarkCase c = phantom ? Phantom.generate(42) : BenchmarkData.load(out, false);
        out.printf("case: %s, %s, spacing %s, propagation axis %d%n", c.name(), c.image().shape(), c.image().grid().spacing(),
            c.axis().index());
        List<BenchmarkRow> rows = new ArrayList<>();
        for (BenchmarkMethod m : chosen) {
            SegmentationRequest request = m.request(base, trainingRequest).withAxis(Integer.toString(c.axis().index()));
            for (var p : c.protocols().entrySet()) {
                if (!selected(p.getKey())) continue;
                LabelVolume sparse = c.sparse(p.getKey());
                PeakMemory.reset();
                SegmentationResult r;
                try (ConsoleProgress progress = new ConsoleProgress(out)) {
                    r = Segmentation.run(request, new SegmentationInputs(c.image(), sparse, null), new TorchEngine(Path::of,
                        options.threads), progress);
                }
                EvaluationReport e = Evaluation.evaluate(r.fused(), c.truth(), sparse, c.axis());
                double trainSeconds = r.trainingOrNull() == null ? 0 : r.trainingOrNull().seconds();
                rows.add(new BenchmarkRow(m.cliName(), p.getKey(), p.getValue(), e, trainSeconds, r.seconds(), PeakMemory.peakMb()));
                out.println(rows.get(rows.size() - 1).line());
                out.flush();
            }
        }
        out.println();
        out.print(BenchmarkRow.table(rows));
        out.flush();
        if (json != null) AtomicFiles.writeString(json, BenchmarkRow.json(c, rows));
        return ExitCodes.OK;
    }

    private boolean selected(String protocol) {
        return protocols == null || protocols.stream().anyMatch(x -> protocol.equalsIgnoreCase(x.strip())
            || protocol.startsWith(x.strip() + " ") || protocol.equals("every " + x.strip() + "th"));
    }
}
