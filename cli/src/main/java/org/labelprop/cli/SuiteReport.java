// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.labelprop.bench.BenchmarkCase;

/**
 * The figures of a suite run: per case, protocol and method the mean in-range Dice, HD95, wall time and peak RSS; the
 * mean Dice per protocol (every k-th slice counts as one protocol whatever k) and over all runs, per method. A run
 * where no label lies on two annotated slices has no in-range Dice (n/a, e.g. '3 slices' on INIA19, whose structures
 * are shorter than the 30 mm between those slices); means leave it out, for every method alike, and say over how many
 * runs they are.
 */
final class SuiteReport {
    private final String suite;
    private final List<BenchmarkCase> cases = new ArrayList<>();
    private final List<List<BenchmarkRow>> rows = new ArrayList<>();

    SuiteReport(String suite) { this.suite = suite; }

    void add(BenchmarkCase c, List<BenchmarkRow> caseRows) {
        cases.add(c);
        rows.add(List.copyOf(caseRows));
    }

    /** "every 10th" and "every 3rd" are one protocol across cases. */
    static String kind(String protocol) { return protocol.startsWith("every ") ? "every k-th" : protocol; }

    String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %-16s %-12s %-7s %-10s %-9s %s%n", "case", "protocol",
            "method", "Dice", "HD95 (mm)", "time (s)", "peak RSS (MB)"));
        for (int i = 0; i < cases.size(); i++)
            for (BenchmarkRow r : rows.get(i))
                sb.append(String.format(Locale.ROOT, "%-24s %-16s %-12s %-7s %-10s %-9.2f %d%n", cases.get(i).name(), r.protocol(),
                    r.method(), format(r.report().meanDiceInRange(), "%.3f"), format(r.report().meanHd95InRange(), "%.2f"), r.seconds(), r.peakMb()));
        Set<String> methods = new LinkedHashSet<>();
        rows.forEach(l -> l.forEach(r -> methods.add(r.method())));
        sb.append(String.format(Locale.ROOT, "%nmean Dice in range (runs)%s%n", methods.stream().map(m -> String.format(Locale.ROOT, " %12s", m))
            .collect(Collectors.joining())));
        for (Map.Entry<String, List<BenchmarkRow>> g : groups().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-26s", g.getKey()));
            for (String m : methods) sb.append(String.format(Locale.ROOT, " %12s", mean(g.getValue(), m)));
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%-26s", "mean time per run (s)"));
        for (String m : methods)
            sb.append(String.format(Locale.ROOT, " %12.2f", all().stream().filter(r -> r.method().equals(m)).mapToDouble(BenchmarkRow::seconds)
                .average().orElse(Double.NaN)));
        sb.append("\nDice = mean over labels of the Dice on the non-annotated slices inside each label's annotated range (n/a: no label "
            + "on two annotated slices; left out of the means, whose run counts are in brackets);\n'every k-th' = every 10th, every 3rd "
            + "on the thick-slice cases; time = wall time of the method on one case and protocol "
            + "(training and field computation included); peak RSS = process peak during the run, restarted after a full collection "
            + "and a trim of the native heap before it (the JVM and libtorch baseline included).\n");
        return sb.toString();
    }

    /** The runs per protocol kind, then "all". */
    private Map<String, List<BenchmarkRow>> groups() {
        Map<String, List<BenchmarkRow>> g = new LinkedHashMap<>();
        for (BenchmarkRow r : all()) g.computeIfAbsent(kind(r.protocol()), k -> new ArrayList<>()).add(r);
        g.put("all", all());
        return g;
    }

    private List<BenchmarkRow> all() { return rows.stream().flatMap(List::stream).toList(); }

    private static String format(double v, String pattern) {
        return Double.isNaN(v) ? "n/a" : Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, pattern, v);
    }

    /** The in-range Dice of the method's runs that have one. */
    private static double[] dice(List<BenchmarkRow> runs, String method) {
        return runs.stream().filter(r -> r.method().equals(method)).mapToDouble(r -> r.report().meanDiceInRange())
            .filter(Double::isFinite).toArray();
    }

    private static String mean(List<BenchmarkRow> runs, String method) {
        double[] d = dice(runs, method);
        if (d.length == 0) return "-";
        return String.format(Locale.ROOT, "%.3f (%d)", java.util.Arrays.stream(d).average().orElse(Double.NaN), d.length);
    }

    String json() {
        StringBuilder sb = new StringBuilder("{\"suite\":\"" + suite + "\",\"cases\":[\n");
        for (int i = 0; i < cases.size(); i++) sb.append(i > 0 ? ",\n" : "").append(BenchmarkRow.json(cases.get(i), rows.get(i)).strip());
        sb.append("\n],\"means\":[");
        List<String> means = new ArrayList<>();
        Set<String> methods = new LinkedHashSet<>();
        rows.forEach(l -> l.forEach(r -> methods.add(r.method())));
        for (Map.Entry<String, List<BenchmarkRow>> g : groups().entrySet())
            for (String m : methods) {
                double[] d = dice(g.getValue(), m);
                double t = g.getValue().stream().filter(r -> r.method().equals(m)).mapToDouble(BenchmarkRow::seconds).sum();
                if (d.length > 0)
                    means.add(String.format(Locale.ROOT, "{\"protocol\":\"%s\",\"method\":\"%s\",\"runs\":%d,\"meanDiceInRange\":%s,\"seconds\":%.3f}",
                        g.getKey(), m, d.length, number(java.util.Arrays.stream(d).average().orElse(Double.NaN)), t));
            }
        return sb.append(String.join(",\n  ", means)).append("]}\n").toString();
    }

    private static String number(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null"; }
}
