// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.PropagationOptions.Fusion;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/** Twelve labels at once through every fusion (the speed of propagation is reported by `labelprop benchmark`). */
class TwelveLabelsTest {
    /** Twelve moving disks on a 94x82x68 grid (the size of the original's test scan), annotated every 8 slices. */
    static LabelVolume twelveLabels(Grid g) {
        int[] d = new int[g.shape().voxels()];
        for (int l = 1; l <= 12; l++) {
            LabelVolume disk = PropagationFixtures.movingDisk(g, 12 + 22 * ((l - 1) % 4), 12 + 25 * ((l - 1) / 4), 0.3, 0.2, 8, l);
            for (int i = 0; i < d.length; i++) if (disk.array()[i] != 0) d[i] = l;
        }
        return new LabelVolume(g, d);
    }

    @Test
    void twelveMovingDisksOnA94x82x68VolumeArePropagatedByEveryFusion() {
        Grid g = PropagationFixtures.grid(94, 82, 68);
        LabelVolume truth = twelveLabels(g);
        Volume image = PropagationFixtures.movingImage(g, 0.3, 0.2, truth);
        LabelVolume sparse = PropagationFixtures.keepSlices(truth, 3, 11, 19, 27, 35, 43, 51, 59, 64);
        NeighbourFields f = FakeRegistrar.translation(0.2, 0.3).fields(image, SliceAxis.Z, ProgressListener.NONE);
        for (Fusion fusion : Fusion.values()) {
            PropagationOptions o = PropagationOptions.defaults().withFusion(fusion).withExtrapolate(true);
            PropagationResult r = LabelPropagation.run(SparseScan.of(image, sparse, null, f.axis()), f, o, null);
            for (int l = 1; l <= 12; l++)
                assertThat(PropagationFixtures.dice(r.fused(), truth, l, 0, 67)).as("%s label %d", fusion, l).isGreaterThan(0.95);
        }
    }
}
