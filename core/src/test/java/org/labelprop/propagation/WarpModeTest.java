// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelprop.propagation.LabelPropagationTest.DISTANCE;
import static org.labelprop.propagation.LabelPropagationTest.blank;
import static org.labelprop.propagation.LabelPropagationTest.run;
import static org.labelprop.propagation.PropagationFixtures.count;

import org.junit.jupiter.api.Test;
import org.labelprop.propagation.PropagationOptions.WarpMode;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;

/** One resampling of the source (COMPOSED) against one per slice (SEQUENTIAL) over a long gap. */
class WarpModeTest {
    /** A 2-pixel-wide vertical bar moving half a column per slice. */
    static LabelVolume bar(Grid g) {
        Shape3 s = g.shape();
        int[] d = new int[s.voxels()];
        for (int z = 0; z < s.nz(); z++) {
            int x0 = 4 + z / 2;  // integer part of 4 + 0.5 z; odd slices sit half way, annotate even ones only
            for (int y = 2; y < s.ny() - 2; y++) for (int x = x0; x < x0 + 2; x++) d[s.index(x, y, z)] = 1;
        }
        return new LabelVolume(g, d);
    }

    /** The bar annotated on slices 0 and 32 and walked by half-pixel shifts with {@code options}. */
    private static PropagationResult shiftedBar(PropagationOptions options) {
        Grid g = PropagationFixtures.grid(32, 12, 33);
        return run(blank(g), PropagationFixtures.keepSlices(bar(g), 0, 32), null, FakeRegistrar.translation(0, 0.5), options);
    }

    @Test
    void composedWarpingKeepsAThinStructureThatSequentialWarpingBlursAway() {
        LabelVolume truth = bar(PropagationFixtures.grid(32, 12, 33));
        PropagationResult sequential = shiftedBar(DISTANCE.withWarp(WarpMode.SEQUENTIAL));
        PropagationResult composed = shiftedBar(DISTANCE.withWarp(WarpMode.COMPOSED));
        // 16 half-pixel resamplings spread the 2-pixel bar binomially below one half: gone from the up walk
        assertThat(count(sequential.up(), 1, 16)).isLessThan(count(truth, 1, 16) / 2);
        // one resampling by the composed field (8 pixels) reproduces it exactly on even slices
        for (int z = 2; z < 32; z += 2) assertThat(count(composed.up(), 1, z)).as("slice %d", z).isEqualTo(count(truth, 1, z));
        assertThat(PropagationFixtures.dice(composed.fused(), truth, 1, 0, 32)).isGreaterThan(0.9);
    }

    @Test
    void backgroundWeightKeepsMoreOfABarBlurredBySequentialWarping() {
        LabelVolume truth = bar(PropagationFixtures.grid(32, 12, 33));
        PropagationOptions plain = DISTANCE.withWarp(WarpMode.SEQUENTIAL);
        PropagationResult one = shiftedBar(plain);
        PropagationResult weighted = shiftedBar(plain.withBackgroundWeight(0.8));
        PropagationResult heavier = shiftedBar(plain.withBackgroundWeight(1.5));
        int kept = 0, keptWeighted = 0, keptHeavier = 0;
        for (int z = 4; z <= 28; z++) {
            kept += count(one.fused(), 1, z);
            keptWeighted += count(weighted.fused(), 1, z);
            keptHeavier += count(heavier.fused(), 1, z);
        }
        // the blurred bar's soft values fall below one half first at its edges: a lighter background keeps them
        assertThat(keptWeighted).isGreaterThan(kept);
        assertThat(keptHeavier).isLessThan(kept);
        assertThat(PropagationFixtures.dice(weighted.fused(), truth, 1, 0, 32))
            .isGreaterThan(PropagationFixtures.dice(one.fused(), truth, 1, 0, 32));
    }
}
