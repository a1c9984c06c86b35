// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelprop.propagation.LabelPropagationTest.DISTANCE;
import static org.labelprop.propagation.LabelPropagationTest.blank;
import static org.labelprop.propagation.LabelPropagationTest.run;
import static org.labelprop.propagation.PropagationFixtures.count;
import static org.labelprop.propagation.PropagationFixtures.fill;
import static org.labelprop.propagation.PropagationFixtures.grid;

import org.junit.jupiter.api.Test;
import org.labelprop.propagation.PropagationOptions.WarpMode;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;

class HintsAndExtrapolationTest {
    static final Grid G = grid(20, 18, 12);
    static final Shape3 S = G.shape();

    /** Label 1 on an 8x8 square at slices {@code zs}. */
    static LabelVolume squares(int... zs) {
        int[] d = new int[S.voxels()];
        for (int z : zs) fill(d, S, z, 4, 12, 4, 12, 1);
        return new LabelVolume(G, d);
    }

    @Test
    void hintsForceLabelsAndBackgroundAndCorrectTheRestOfTheChain() {
        int[] h = new int[S.voxels()];
        fill(h, S, 5, 14, 18, 2, 6, 2);                       // "label 2 here", outside the square
        fill(h, S, 5, 4, 8, 4, 12, Hints.BACKGROUND); // "background here", left half of the square
        LabelVolume hints = new LabelVolume(G, h);
        for (WarpMode mode : WarpMode.values()) {
            PropagationResult r = run(blank(G), squares(0, 10), hints, FakeRegistrar.identity(), DISTANCE.withWarp(mode));
            assertThat(count(r.fused(), 2, 5)).as(mode.name()).isEqualTo(16);
            assertThat(count(r.fused(), 1, 5)).as(mode.name()).isEqualTo(32);
            // the up walk carries the correction on beyond the hinted slice, the down walk the other way
            for (int z = 6; z < 10; z++) {
                assertThat(count(r.up(), 2, z)).as("%s up slice %d", mode, z).isEqualTo(16);
                assertThat(count(r.up(), 1, z)).isEqualTo(32);
            }
            for (int z = 1; z < 5; z++) assertThat(count(r.down(), 1, z)).as("%s down slice %d", mode, z).isEqualTo(32);
            assertThat(count(r.up(), 1, 4)).isEqualTo(64);
            assertThat(r.labelStatus()).containsEntry(2, LabelCoverage.HINT_ONLY);
        }
    }

    @Test
    void hintsBeyondTheRangeExtendOneWayUpToTheFarthestHint() {
        int[] h = new int[S.voxels()];
        fill(h, S, 9, 0, 2, 0, 2, Hints.BACKGROUND);
        fill(h, S, 1, 0, 2, 0, 2, Hints.BACKGROUND);
        PropagationResult r = run(blank(G), squares(3, 6), new LabelVolume(G, h), FakeRegistrar.identity(), DISTANCE);
        for (int z = 1; z <= 9; z++) assertThat(count(r.fused(), 1, z)).as("slice %d", z).isEqualTo(64);
        for (int z : new int[] {0, 10, 11}) assertThat(count(r.fused(), 1, z)).as("slice %d", z).isZero();
        assertThat(count(r.up(), 1, 8)).isEqualTo(64);
        assertThat(count(r.down(), 1, 8)).isZero();
        assertThat(count(r.down(), 1, 2)).isEqualTo(64);
        assertThat(count(r.up(), 1, 2)).isZero();
    }

    @Test
    void extrapolationReachesTheEndsOnlyWhenAsked() {
        LabelVolume sparse = squares(3, 6);
        PropagationResult off = run(blank(G), sparse, null, FakeRegistrar.identity(), DISTANCE);
        PropagationResult on = run(blank(G), sparse, null, FakeRegistrar.identity(), DISTANCE.withExtrapolate(true));
        for (int z = 0; z < 12; z++) {
            boolean inside = z >= 3 && z <= 6;
            assertThat(count(off.fused(), 1, z)).as("off, slice %d", z).isEqualTo(inside ? 64 : 0);
            assertThat(count(on.fused(), 1, z)).as("on, slice %d", z).isEqualTo(64);
        }
        assertThat(count(on.up(), 1, 11)).isEqualTo(64);
        assertThat(count(on.down(), 1, 11)).isZero();
        assertThat(count(on.down(), 1, 0)).isEqualTo(64);
        // a crisp one-way copy is not ambiguous
        assertThat(on.uncertainty().get(8, 8, 11)).isZero();
    }

    @Test
    void extrapolationFollowsTheFields() {
        Grid g = grid(40, 20, 10);
        LabelVolume truth = PropagationFixtures.movingDisk(g, 6, 10, 3, 0, 4, 1);
        PropagationResult r = run(blank(g), PropagationFixtures.keepSlices(truth, 2, 4), null,
            FakeRegistrar.translation(0, 3), DISTANCE.withExtrapolate(true));
        assertThat(PropagationFixtures.dice(r.fused(), truth, 1, 0, 9)).isGreaterThan(0.95);
    }
}
