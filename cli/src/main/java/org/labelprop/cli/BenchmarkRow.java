// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.metrics.EvaluationReport;

/** One method on one protocol: the figures the benchmark prints. */
record BenchmarkRow(String method, String protocol, int[] slices, EvaluationReport report, double trainSeconds, double seconds,
                    long peakMb) {

    String line() {
        return String.format(Locale.ROOT, "%-12s %-11s Dice %.3f  HD95 %6.2f mm  all-slices Dice %.3f  %7.2f s (training %.1f s)  %5d MB",
            method, protocol, report.meanDiceInRange(), report.meanHd95InRange(), report.meanDiceAll(), seconds, trainSeconds, peakMb);
    }

    static String table(List<BenchmarkRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %-11s %-8s %-10s %-9s %-9s %-10s %s%n", "method", "protocol", "Dice", "HD95 (mm)",
            "all Dice", "time (s)", "train (s)", "peak RSS (MB)"));
        for (BenchmarkRow r : rows)
            sb.append(String.format(Locale.ROOT, "%-12s %-11s %-8.3f %-10.2f %-9.3f %-9.2f %-10.1f %d%n", r.method, r.protocol,
                r.report.meanDiceInRange(), r.report.meanHd95InRange(), r.report.meanDiceAll(), r.seconds, r.trainSeconds, r.peakMb));
        sb.append("Dice = mean over labels of the Dice on the non-annotated slices inside each label's annotated range;\n"
            + "time = wall time of the whole method (training included); peak RSS = process peak during the method (Java + native).\n");
        return sb.toString();
    }

    static String json(BenchmarkCase c, List<BenchmarkRow> rows) {
        String items = rows.stream().map(r -> String.format(Locale.ROOT,
            "{\"method\":\"%s\",\"protocol\":\"%s\",\"slices\":%s,\"seconds\":%.3f,\"trainSeconds\":%.3f,\"peakRssMb\":%d,\"report\":%s}",
            r.method, r.protocol, Arrays.toString(r.slices), r.seconds, r.trainSeconds, r.peakMb, r.report.toJson()))
            .collect(Collectors.joining(",\n  "));
        return "{\"case\":\"" + c.name() + "\",\"shape\":\"" + c.image().shape() + "\",\"runs\":[\n  " + items + "\n]}\n";
    }
}
