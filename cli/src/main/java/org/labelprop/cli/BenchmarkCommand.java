// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.classical.InterpolationOptions;
import org.labelprop.io.AtomicFiles;
import org.labelprop.metrics.Evaluation;
import org.labelprop.metrics.EvaluationReport;
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
        + "non-annotated slices inside each label's annotated range (primary metric), HD95, wall time and peak memory."})
final class BenchmarkCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--method", split = ",", defaultValue = "nearest,shape",
        description = "Methods to run, comma-separated: nearest, shape. Default: ${DEFAULT-VALUE}.")
    List<ClassicalMethod> methods;

    @Option(names = "--phantom", description = "Use the generated phantom instead of the real MR data.")
    boolean phantom;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkCase c = phantom ? org.labelprop.bench.Phantom.generate(42) : BenchmarkData.load(out, false);
        out.printf("case: %s, %s, spacing %s, propagation axis %d%n", c.name(), c.image().shape(), c.image().grid().spacing(),
            c.axis().index());
        List<BenchmarkRow> rows = new ArrayList<>();
        for (ClassicalMethod m : methods)
            for (var p : c.protocols().entrySet()) {
                LabelVolume sparse = c.sparse(p.getKey());
                PeakMemory.reset();
                long t0 = System.nanoTime();
                LabelVolume pred = m.interpolator().interpolate(sparse, c.axis(), new InterpolationOptions(false));
                double seconds = (System.nanoTime() - t0) / 1e9;
                long mb = PeakMemory.peakMb();
                EvaluationReport r = Evaluation.evaluate(pred, c.truth(), sparse, c.axis());
                rows.add(new BenchmarkRow(m.cliName(), p.getKey(), p.getValue(), r, seconds, mb));
                out.println(rows.get(rows.size() - 1).line());
                out.flush();
            }
        out.println();
        out.print(BenchmarkRow.table(rows));
        out.flush();
        if (json != null) AtomicFiles.writeString(json, BenchmarkRow.json(c, rows));
        return ExitCodes.OK;
    }
}
