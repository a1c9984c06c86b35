// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.Spacing;

/** A plain-text table of benchmark cases: shape, spacing, propagation axis, label count and slices per protocol. */
public final class SuiteTable {
    private SuiteTable() { }

    public static String describe(List<BenchmarkCase> cases) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %-12s %-16s %-27s %-6s %s%n", "case", "shape", "spacing (mm)",
            "propagation axis", "labels", "annotated slices per protocol"));
        for (BenchmarkCase c : cases) {
            Spacing s = c.image().grid().spacing();
            StringBuilder protocols = new StringBuilder();
            for (Map.Entry<String, int[]> p : c.protocols().entrySet())
                protocols.append(protocols.length() == 0 ? "" : ", ").append(p.getKey()).append(": ").append(p.getValue().length);
            sb.append(String.format(Locale.ROOT, "%-24s %-12s %-16s %-27s %-6d %s%n", c.name(), c.image().shape(),
                String.format(Locale.ROOT, "%sx%sx%s", mm(s.xMm()), mm(s.yMm()), mm(s.zMm())), AxisNames.describe(c.axis(), c.image().grid()),
                c.truth().labels().length, protocols));
        }
        return sb.toString();
    }

    private static String mm(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
