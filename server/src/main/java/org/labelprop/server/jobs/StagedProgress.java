// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelprop.progress.ProgressListener;

/**
 * Turns per-stage progress into one overall fraction: each named stage owns a share of the job (weights in the order the
 * stages run), and {@code outer} receives {@code update("<stage> <done>/<total>", overall·10^6, 10^6)}. A stage not
 * listed only changes the message.
 */
public final class StagedProgress implements ProgressListener {
    private static final long SCALE = 1_000_000;
    private final ProgressListener outer;
    private final Map<String, double[]> spans = new LinkedHashMap<>();
    private long last;

    /** @param weights stage name to relative weight, in running order, e.g. {"training": 8, "fields": 1, "propagation": 1} */
    public StagedProgress(ProgressListener outer, Map<String, Double> weights) {
        this.outer = outer;
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum(), at = 0;
        List<String> names = new ArrayList<>(weights.keySet());
        for (String n : names) {
            double w = weights.get(n) / sum;
            spans.put(n, new double[] {at, at + w});
            at += w;
        }
    }

    @Override public void update(String stage, long done, long total) {
        double[] span = spans.get(stage);
        long overall = last;
        if (span != null && total > 0)
            overall = Math.max(last, Math.round(SCALE * (span[0] + (span[1] - span[0]) * Math.min(1.0, (double) done / total))));
        last = overall;
        outer.update(stage + " " + done + "/" + total, overall, SCALE);
    }
}
