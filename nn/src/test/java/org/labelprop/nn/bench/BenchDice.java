// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.bench;

import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

/** The benchmark's primary metric: per label, Dice on non-annotated slices between its first and last annotated slice. */
final class BenchDice {
    private BenchDice() { }

    static double mean(LabelVolume pred, LabelVolume gt, LabelVolume sparse, SliceAxis axis) {
        int n = gt.shape().size(axis);
        double sum = 0;
        int count = 0;
        for (int l : gt.labels()) {
            int first = -1, last = -1;
            boolean[] annotatedWithL = new boolean[n], annotated = new boolean[n];
            for (int k = 0; k < n; k++) {
                int[] s = sparse.slice(axis, k).toArray();
                for (int v : s) { if (v != 0) annotated[k] = true; if (v == l) annotatedWithL[k] = true; }
                if (annotatedWithL[k]) { if (first < 0) first = k; last = k; }
            }
            if (first < 0 || last - first < 2) continue;
            long inter = 0, a = 0, b = 0;
            for (int k = first + 1; k < last; k++) {
                if (annotated[k]) continue;
                int[] p = pred.slice(axis, k).toArray(), g = gt.slice(axis, k).toArray();
                for (int i = 0; i < p.length; i++) {
                    boolean pp = p[i] == l, gg = g[i] == l;
                    if (pp) a++;
                    if (gg) b++;
                    if (pp && gg) inter++;
                }
            }
            if (a + b == 0) continue;
            sum += 2.0 * inter / (a + b);
            count++;
        }
        return sum / count;
    }
}
