// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.labelprop.field.Gaussian;
import org.labelprop.propagation.PropagationOptions.Background;

class FusedStackTest {
    static final int H = 24, W = 30, SLICES = 9;
    static final int[] CHANNEL_LABELS = {3};
    static final int[] CHANNEL_OF = channelOf();

    static int[] channelOf() {
        int[] c = new int[256];
        java.util.Arrays.fill(c, -1);
        c[3] = 0;
        return c;
    }

    static int[] disk(int cx) {
        int[] d = new int[H * W];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) if ((x - cx) * (x - cx) + (y - 12) * (y - 12) <= 25) d[y * W + x] = 3;
        return d;
    }

    static SoftLabels soft(int[] labels) { return SoftLabels.oneHot(labels, H, W, CHANNEL_OF, 1); }

    /** Slices 0 and 6 annotated with a disk at column 12; 1..5 propagated, the disk everywhere except a drifted slice 3. */
    static Map<Integer, int[]> run(double sigma, int[] hintsOnSlice3) {
        boolean[] annotated = new boolean[SLICES];
        annotated[0] = annotated[6] = true;
        FusedStack stack = new FusedStack(Gaussian.kernel(sigma), SLICES, H, W, CHANNEL_LABELS, new LabelRule(Background.ONE_MINUS_MAX, 1), annotated,
            s -> soft(disk(12)), s -> s == 3 ? hintsOnSlice3 : null, null);
        Map<Integer, int[]> out = new TreeMap<>();
        stack.flush(0, out::put);
        // arrival order within a gap is the down walk's: 5, 4, ..., 1
        for (int s = 5; s >= 1; s--) stack.put(s, soft(disk(s == 3 ? 17 : 12)));
        stack.flush(6, out::put);
        stack.flush(SLICES - 1, out::put);
        return out;
    }

    @Test
    void withoutSmoothingEachSliceKeepsItsOwnMap() {
        Map<Integer, int[]> out = run(0, null);
        assertThat(out.keySet()).containsExactly(1, 2, 3, 4, 5);
        assertThat(out.get(3)).isEqualTo(disk(17));
        assertThat(out.get(2)).isEqualTo(disk(12));
    }

    @Test
    void acrossSliceSmoothingOutvotesOneDriftedSlice() {
        Map<Integer, int[]> out = run(1, null);
        // annotated slices and slices no walk reached (7, 8) are not the stack's to write
        assertThat(out.keySet()).containsExactly(1, 2, 3, 4, 5);
        // slice 3: 0.40 for the drifted disk alone, 0.60 for the disk its neighbours agree on
        assertThat(out.get(3)).isEqualTo(disk(12));
        // its neighbours keep the disk: the drift's 0.24 cannot outvote them
        for (int s : new int[] {1, 2, 4, 5}) assertThat(out.get(s)).as("slice %d", s).isEqualTo(disk(12));
    }

    @Test
    void hintsWinOverTheSmoothedMap() {
        int[] hints = new int[H * W];
        hints[12 * W + 12] = Hints.BACKGROUND;
        hints[2 * W + 2] = 3;
        int[] s3 = run(1, hints).get(3);
        int[] expected = disk(12);
        expected[12 * W + 12] = 0;
        expected[2 * W + 2] = 3;
        assertThat(s3).isEqualTo(expected);
    }

    @Test
    void backgroundRuleDecidesWhereTwoHalfLabelsMeet() {
        int[] twoLabels = {3, 5};
        LabelRule max = new LabelRule(Background.ONE_MINUS_MAX, 1), sum = new LabelRule(Background.ONE_MINUS_SUM, 1);
        // one pixel with 0.45 of label 3 and 0.40 of label 5: 1 - max = 0.55 wins, 1 - sum = 0.15 loses to label 3
        assertThat(max.label(0.45f, 0.85f, 0, twoLabels)).isZero();
        assertThat(sum.label(0.45f, 0.85f, 0, twoLabels)).isEqualTo(3);
        // ties go to the background under both rules
        assertThat(max.label(0.5f, 0.5f, 0, twoLabels)).isZero();
        assertThat(sum.label(0.3f, 0.7f, 1, twoLabels)).isZero();
        assertThat(max.label(0.51f, 0.51f, 1, twoLabels)).isEqualTo(5);
    }

    @Test
    void backgroundWeightMovesTheThresholdOfALoneLabel() {
        int[] oneLabel = {4};
        // a lone label at 0.46: background 0.54 wins unweighted; weighted 0.8 it is 0.432 and the label wins
        assertThat(new LabelRule(Background.ONE_MINUS_SUM, 1).label(0.46f, 0.46f, 0, oneLabel)).isZero();
        assertThat(new LabelRule(Background.ONE_MINUS_SUM, 0.8f).label(0.46f, 0.46f, 0, oneLabel)).isEqualTo(4);
        // 0.8 puts the threshold at 4/9: 0.44 still loses
        assertThat(new LabelRule(Background.ONE_MINUS_SUM, 0.8f).label(0.44f, 0.44f, 0, oneLabel)).isZero();
        // above 1 the background gains: 0.55 loses to 1.5 * 0.45
        assertThat(new LabelRule(Background.ONE_MINUS_MAX, 1.5f).label(0.55f, 0.55f, 0, oneLabel)).isZero();
        // no label channel at all stays background whatever the weight
        assertThat(new LabelRule(Background.ONE_MINUS_SUM, 0.1f).label(0f, 0f, -1, oneLabel)).isZero();
    }
}
