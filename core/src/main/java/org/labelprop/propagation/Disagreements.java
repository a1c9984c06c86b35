// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per slice and label, the pixels where the up and down labels disagree about the label and the pixels either gives it
 * (see {@link LabelDisagreement}); recorded only on slices both directions reached. A few ints per slice and label.
 */
final class Disagreements {
    private final int[] channelLabels;
    private final int[] channelOf;
    private final int[][] differ;
    private final int[][] union;

    /** @param slices slices along the axis; @param channelLabels label of each channel; @param channelOf channel of each label or -1 */
    Disagreements(int slices, int[] channelLabels, int[] channelOf) {
        this.channelLabels = channelLabels;
        this.channelOf = channelOf;
        differ = new int[slices][];
        union = new int[slices][];
    }

    /** No slice recorded (every slice reads as reached by one direction or none). */
    static Disagreements none(int slices) { return new Disagreements(slices, new int[0], new int[0]); }

    /** Counts slice {@code s} from its up and down label maps (label values, 0 = background), both directions reached. */
    void record(int s, int[] up, int[] down) {
        int[] d = new int[channelLabels.length], u = new int[channelLabels.length];
        for (int p = 0; p < up.length; p++) {
            int a = up[p], b = down[p];
            if (a != 0) u[channelOf[a]]++;
            if (b != 0 && b != a) u[channelOf[b]]++;
            if (a == b) continue;
            if (a != 0) d[channelOf[a]]++;
            if (b != 0) d[channelOf[b]]++;
        }
        differ[s] = d;
        union[s] = u;
    }

    /** Whether both directions reached slice {@code s}. */
    boolean twoWay(int s) { return differ[s] != null; }

    /** The labels the directions disagree on at slice {@code s}, largest area first; empty where not recorded. */
    List<LabelDisagreement> at(int s, double pixelAreaMm2) {
        List<LabelDisagreement> out = new ArrayList<>();
        if (differ[s] == null) return out;
        for (int c = 0; c < channelLabels.length; c++)
            if (differ[s][c] > 0) out.add(new LabelDisagreement(channelLabels[c], differ[s][c] * pixelAreaMm2, union[s][c] * pixelAreaMm2));
        out.sort(Comparator.comparingDouble(LabelDisagreement::areaMm2).reversed().thenComparingInt(LabelDisagreement::label));
        return out;
    }
}
