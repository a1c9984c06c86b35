// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelprop.propagation.PropagationFixtures.fill;
import static org.labelprop.propagation.PropagationFixtures.grid;

import org.junit.jupiter.api.Test;
import org.labelprop.flow.IntensityWindow;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

class IntensityPriorTest {
    private static final int BRIGHT = IntensityPrior.BINS - 1, DARK = 0;

    /** 24 x 12 x 3; on every slice the pixels x < {@code edges[z]} are bright (1), the rest dark (0). */
    private static Volume stepImage(Grid g, int... edges) {
        Shape3 s = g.shape();
        float[] v = new float[s.voxels()];
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < edges[z]; x++) v[s.index(x, y, z)] = 1;
        return new Volume(g, v);
    }

    @Test
    void learnsWhichIntensitiesEachClassHoldsAndIgnoresFarBackground() {
        Grid g = grid(24, 12, 1);
        Shape3 s = g.shape();
        // label 1 bright at x < 4, dark background next to it (x 4..9), bright background far from it (x >= 10)
        float[] v = new float[s.voxels()];
        for (int y = 0; y < 12; y++)
            for (int x = 0; x < 24; x++) v[s.index(x, y, 0)] = x < 4 || x >= 10 ? 1 : 0;
        Volume image = new Volume(g, v);
        int[] d = new int[s.voxels()];
        fill(d, s, 0, 0, 4, 0, 12, 1);
        LabelVolume sparse = new LabelVolume(g, d);
        IntensityWindow window = new IntensityWindow(0, 1);
        IntensityPrior p = IntensityPrior.fit(z -> IntensityPrior.bins(image, SliceAxis.Z, window, z), sparse, SliceAxis.Z,
            new int[] {0}, new int[] {-1, 0}, 1, 0.25);
        assertThat(p.factor(1, BRIGHT)).isGreaterThan(1f).isGreaterThan(p.factor(0, BRIGHT));
        assertThat(p.factor(0, DARK)).isGreaterThan(1f).isGreaterThan(p.factor(1, DARK));
        // the bright background beyond the band (x >= 10, 168 pixels) is not counted: bright stays unlikely for it
        assertThat(p.factor(0, BRIGHT)).isLessThan(1f);
    }

    @Test
    void movesABoundaryTheFusionLeftBetweenTwoAnnotationsToTheIntensityEdge() {
        Grid g = grid(24, 12, 3);
        LabelVolume sparse = growingLabel(g);
        Volume image = stepImage(g, 8, 10, 12);   // on the middle slice the structure ends at x = 10
        PropagationOptions plain = PropagationOptions.defaults().withIntensityPrior(0);
        PropagationOptions noSmoothing = new PropagationOptions(plain.fusion(), plain.distanceConstant(), plain.warp(), false,
            plain.nccWindow(), 0, 0, plain.background(), plain.backgroundWeight(), 0);
        int without = extent(run(image, sparse, noSmoothing));
        int with = extent(run(image, sparse, noSmoothing.withIntensityPrior(PropagationOptions.DEFAULT_INTENSITY_PRIOR)));
        assertThat(without).as("identity fields, linear fusion: the soft label is 1/2 over x 8..11").isEqualTo(12);
        assertThat(with).as("the dark pixels x 10..11 go to the background").isEqualTo(10);
    }

    @Test
    void aConstantImageHasNoPrior() {
        Grid g = grid(24, 12, 3);
        LabelVolume sparse = growingLabel(g);
        Volume flat = stepImage(g, 24, 24, 24);
        PropagationOptions o = PropagationOptions.defaults();
        assertThat(run(flat, sparse, o).fused().array()).isEqualTo(run(flat, sparse, o.withIntensityPrior(0)).fused().array());
    }

    /** Label 1 over x < 8 on slice 0 and x < 12 on slice 2; slice 1 not annotated. */
    private static LabelVolume growingLabel(Grid g) {
        Shape3 s = g.shape();
        int[] d = new int[s.voxels()];
        fill(d, s, 0, 0, 8, 0, 12, 1);
        fill(d, s, 2, 0, 12, 0, 12, 1);
        return new LabelVolume(g, d);
    }

    private static PropagationResult run(Volume image, LabelVolume sparse, PropagationOptions o) {
        return LabelPropagation.run(SparseScan.of(image, sparse, null, SliceAxis.Z), FakeRegistrar.identity(), o, ProgressListener.NONE);
    }

    /** The label's extent along x on the middle slice, row 6 (every row is the same). */
    private static int extent(PropagationResult r) {
        int n = 0;
        while (n < 24 && r.fused().get(n, 6, 1) == 1) n++;
        for (int x = n; x < 24; x++) assertThat(r.fused().get(x, 6, 1)).as("x %d", x).isZero();
        return n;
    }
}
