// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelprop.propagation.LabelPropagationTest.DISTANCE;
import static org.labelprop.propagation.LabelPropagationTest.blank;
import static org.labelprop.propagation.LabelPropagationTest.run;
import static org.labelprop.propagation.PropagationFixtures.grid;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelprop.volume.Grid;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

class UncertaintyAndSuggestionsTest {
    static final Grid G = grid(24, 24, 15);
    static final LabelVolume STILL = PropagationFixtures.movingDisk(G, 12, 12, 0, 0, 6, 1);

    static double sliceSum(Volume v, int z) {
        double s = 0;
        for (int y = 0; y < 24; y++) for (int x = 0; x < 24; x++) s += v.get(x, y, z);
        return s;
    }

    @Test
    void uncertaintyIsZeroWhereBothDirectionsAgree() {
        PropagationResult r = run(blank(G), PropagationFixtures.keepSlices(STILL, 0, 7, 14), null, FakeRegistrar.identity(), DISTANCE);
        for (float u : r.uncertainty().array()) assertThat(u).isZero();
        assertThat(r.suggestions()).isEmpty();
    }

    @Test
    void uncertaintyRisesWhereTheDirectionsDisagree() {
        // up fields identity, down fields shift by 2 columns on pairs 7..13 only: the walks disagree in the upper gap
        SliceRegistrar r = FakeRegistrar.perPair(i -> new float[] {0, 0}, i -> new float[] {0, i >= 7 ? 2 : 0});
        PropagationResult res = run(blank(G), PropagationFixtures.keepSlices(STILL, 0, 7, 14), null, r, DISTANCE);
        for (float u : res.uncertainty().array()) assertThat(u).isBetween(0f, 1f);
        for (int z = 1; z < 7; z++) assertThat(sliceSum(res.uncertainty(), z)).as("slice %d", z).isZero();
        for (int z = 8; z < 14; z++) assertThat(sliceSum(res.uncertainty(), z)).as("slice %d", z).isGreaterThan(5);
        // slice 12: the up disk is still centred at column 12, the down disk has moved to column 8; column 17 is inside
        // the first only, so the maps share nothing there
        assertThat(res.uncertainty().get(17, 12, 12)).isGreaterThan(0.9f);
        assertThat(res.uncertainty().get(12, 12, 12)).isZero();
        assertThat(sliceSum(res.uncertainty(), 7)).isZero();

        List<SliceSuggestion> s = res.suggestions();
        assertThat(s).isNotEmpty();
        assertThat(s.get(0).slice()).isBetween(8, 13);
        assertThat(s).extracting(SliceSuggestion::slice).doesNotContain(0, 7, 14).doesNotHaveDuplicates();
        for (int i = 1; i < s.size(); i++) assertThat(s.get(i).slice()).isBetween(8, 13);
        assertThat(SuggestionReport.of(SliceAxis.Z, res).toJson())
            .startsWith("{\"axis\":2,\"method\":\"uncertainty\",\"labels\":{\"1\":\"range\"},\"slices\":[{\"slice\":" + s.get(0).slice() + ",");
        // the reason names the label and how much of its area the directions disagree on
        LabelDisagreement d = s.get(0).disagreements().get(0);
        assertThat(d.label()).isEqualTo(1);
        assertThat(d.areaMm2()).isPositive().isLessThan(d.labelAreaMm2());
        assertThat(s.get(0).reason()).startsWith("the two propagation directions disagree on label 1 over ")
            .contains(String.format(java.util.Locale.ROOT, "(%.0f %% of its area here)", d.percent()));
        assertThat(s.get(0).toJson()).contains("\"disagreements\":[{\"label\":1,\"areaMm2\":");
    }

    @Test
    void disagreementCountsTheSymmetricDifferenceAndTheUnionOfEachLabel() {
        int[] channelOf = new int[8];
        java.util.Arrays.fill(channelOf, -1);
        channelOf[2] = 0;
        channelOf[5] = 1;
        Disagreements d = new Disagreements(3, new int[] {2, 5}, channelOf);
        //             agree 2, 2 vs 5, 0 vs 2, agree 5, agree 0, 5 vs 0
        d.record(1, new int[] {2, 2, 0, 5, 0, 5}, new int[] {2, 5, 2, 5, 0, 0});
        List<LabelDisagreement> at = d.at(1, 0.5);
        // label 2: differs on pixels 1 and 2, union pixels 0..2; label 5: differs on 1 and 5, union 1, 3, 5
        assertThat(at).containsExactly(new LabelDisagreement(2, 1.0, 1.5), new LabelDisagreement(5, 1.0, 1.5));
        assertThat(at.get(0).percent()).isCloseTo(66.7, org.assertj.core.data.Offset.offset(0.1));
        assertThat(d.twoWay(1)).isTrue();
        assertThat(d.twoWay(0)).isFalse();
        assertThat(d.at(0, 0.5)).isEmpty();
    }

    @Test
    void suggestionsPreferUncertainSlicesAwayFromAnnotationsAndSpreadOut() {
        double[] u = new double[13];
        java.util.Arrays.fill(u, 1, 12, 10);
        List<SliceSuggestion> s = Suggestions.rank(u, new int[] {0, 12}, 3, 0.5);
        // equal uncertainty: the slice farthest from annotations wins, then the picks spread out (not 6, 5, 7)
        assertThat(s).extracting(SliceSuggestion::slice).containsExactly(6, 3, 9);
        assertThat(s.get(1).reason()).contains("about 5 mm²", "3 slices from the nearest annotated");
        assertThat(s.get(1).score()).isEqualTo(7.5);
        assertThat(Suggestions.rank(new double[] {0, 1, 0, 40, 0}, new int[] {0, 4}, 1, 1).get(0).slice()).isEqualTo(3);
        assertThat(s.get(1).toJson()).startsWith("{\"slice\":3,\"score\":7.5,\"reason\":\"the two propagation directions")
            .endsWith("\"disagreements\":[]}");
    }
}
