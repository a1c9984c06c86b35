// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.labelprop.UserInputException;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.bench.DevelopmentSuite;
import org.labelprop.bench.Phantom;
import org.labelprop.bench.Protocols;
import org.labelprop.bench.SuiteTable;
import org.labelprop.io.AtomicFiles;
import org.labelprop.metrics.Evaluation;
import org.labelprop.metrics.EvaluationReport;
import org.labelprop.nn.TorchEngine;
import org.labelprop.pipeline.Segmentation;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.pipeline.SegmentationResult;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.volume.LabelVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop benchmark}: accuracy, time and memory of each method on the real-MR benchmark case or suite. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = {"Builds the benchmark case (Colin27 T1 + AAL deep grey matter, 12 structures, axial) from Debian's "
        + "mricron-data, runs each method on the '3 slices' and 'every 10th' protocols and prints the mean Dice on the "
        + "non-annotated slices inside each label's annotated range (primary metric), HD95, wall time and peak memory. "
        + "With --suite dev: the eight cases of the development suite (docs/benchmark.md) and three protocols each.",
        "flow: TV-L1 optical flow between neighbouring slices (scikit-image's defaults), labels warped slice by slice, linear "
            + "fusion, background 1 - sum of the labels, no smoothing (the independent reference); no training.",
        "Deep methods: deep (the default pipeline, as propagate runs it: the network's fields refined on the scan under the "
            + "annotations' constraint), deep-trained (the network trained on the scan first, as train runs it), deep-network "
            + "(the trained network's fields, no refinement), deep-zero (per-pair optimisation from zero, no network). Their "
            + "time includes training."})
final class BenchmarkCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin RequestOptions options;
    @Mixin TrainingOptions training;

    @Option(names = "--method", split = ",", defaultValue = "nearest,shape",
        description = "Methods, comma-separated: nearest, shape, flow, deep, deep-trained, deep-network, deep-zero. Default: ${DEFAULT-VALUE}.")
    List<String> methods;

    @Option(names = "--protocol", split = ",", description = "Protocols to run: '3 slices', 'every 10th', 'every 3rd', "
        + "'3 per structure'; 3 = '3 slices', 10 = 'every 10th', every = every k-th slice whatever k. Default: all.")
    List<String> protocols;

    @Option(names = "--phantom", description = "Use the generated phantom instead of the real MR data.")
    boolean phantom;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--suite", paramLabel = "NAME", description = "Run a suite of cases instead of the single benchmark case: "
        + "'dev' = the development suite (eight cases built from mricron-data, see docs/benchmark.md).")
    String suite;

    @Option(names = "--quick", description = "With --suite: only the quick subset (three cases).")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<BenchmarkMethod> chosen = methods.stream().map(BenchmarkMethod::parse).toList();
        // every request is built (and so checked) before any case is read or any network trained
        SegmentationRequest base = options.request(Method.DEEP, "2", null);
        TrainingRequest trainingRequest = training.request();
        for (BenchmarkMethod m : chosen) m.request(base, trainingRequest);
        if (suite != null || quick) return runSuite(out, chosen, base, trainingRequest);
        BenchmarkCase c = phantom ? Phantom.generate(42) : BenchmarkData.load(out, false);
        out.printf("case: %s, %s, spacing %s, propagation axis %d%n", c.name(), c.image().shape(), c.image().grid().spacing(),
            c.axis().index());
        List<BenchmarkRow> rows = runCase(c, chosen, base, trainingRequest, out);
        out.println();
        out.print(BenchmarkRow.table(rows));
        out.flush();
        if (json != null) AtomicFiles.writeString(json, BenchmarkRow.json(c, rows));
        return ExitCodes.OK;
    }

    private int runSuite(PrintWriter out, List<BenchmarkMethod> chosen, SegmentationRequest base, TrainingRequest t)
            throws Exception {
        if (!"dev".equals(suite)) throw new UserInputException("--suite", "--suite must be 'dev' (the development suite), got '" + suite + "'");
        if (phantom) throw new UserInputException("--phantom and --suite exclude each other: the suite is built from real MR data");
        List<String> names = quick ? DevelopmentSuite.QUICK : DevelopmentSuite.ALL;
        List<BenchmarkCase> cases = DevelopmentSuite.build(BenchmarkData.loadSuite(out), names);
        out.print(SuiteTable.describe(cases));
        SuiteReport report = new SuiteReport(suite + (quick ? " (quick)" : ""));
        for (BenchmarkCase c : cases) report.add(c, runCase(c, chosen, base, t, out));
        out.println();
        out.print(report.table());
        out.flush();
        if (json != null) AtomicFiles.writeString(json, report.json());
        return ExitCodes.OK;
    }

    /** Every chosen method on every selected protocol of {@code c}, through the pipeline; one printed line per run. */
    private List<BenchmarkRow> runCase(BenchmarkCase c, List<BenchmarkMethod> chosen, SegmentationRequest base, TrainingRequest t,
                                       PrintWriter out) throws Exception {
        List<BenchmarkRow> rows = new ArrayList<>();
        for (BenchmarkMethod m : chosen) {
            SegmentationRequest request = m.request(base, t).withAxis(Integer.toString(c.axis().index()));
            for (var p : c.protocols().entrySet()) {
                if (!selected(p.getKey())) continue;
                LabelVolume sparse = c.sparse(p.getKey());
                System.gc();   // a full collection gives back heap the previous runs grew, so the peak below is this run's
                TorchEngine.trimNativeMemory();   // and the native allocator's free pages (libtorch) likewise
                PeakMemory.reset();
                SegmentationResult r;
                try (ConsoleProgress progress = new ConsoleProgress(out)) {
                    r = Segmentation.run(request, new SegmentationInputs(c.image(), sparse, null), new TorchEngine(Path::of,
                        options.threads), progress);
                }
                EvaluationReport e = Evaluation.evaluate(r.fused(), c.truth(), sparse, c.axis());
                double trainSeconds = r.trainingOrNull() == null ? 0 : r.trainingOrNull().seconds();
                rows.add(new BenchmarkRow(m.cliName(), p.getKey(), p.getValue(), e, trainSeconds, r.seconds(), PeakMemory.peakMb()));
                out.println((suite != null || quick ? String.format("%-24s ", c.name()) : "") + rows.get(rows.size() - 1).line());
                out.flush();
            }
        }
        return rows;
    }

    /** A protocol by name, or 3 = '3 slices', k = 'every k-th', 'every' = every k-th whatever k. */
    private boolean selected(String protocol) {
        return protocols == null || protocols.stream().map(String::strip).anyMatch(x -> protocol.equalsIgnoreCase(x)
            || (x.equals("3") && protocol.equals(Protocols.THREE_SLICES))
            || (x.matches("[0-9]{1,4}") && !x.equals("3") && protocol.equals(Protocols.everyKth(Integer.parseInt(x))))
            || (x.equalsIgnoreCase("every") && protocol.startsWith("every ")));
    }
}
