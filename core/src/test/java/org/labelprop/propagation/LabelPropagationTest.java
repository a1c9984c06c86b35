// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.labelprop.propagation.PropagationFixtures.count;
import static org.labelprop.propagation.PropagationFixtures.dice;
import static org.labelprop.propagation.PropagationFixtures.fill;
import static org.labelprop.propagation.PropagationFixtures.grid;
import static org.labelprop.propagation.PropagationFixtures.keepSlices;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.PropagationOptions.Fusion;
import org.labelprop.propagation.PropagationOptions.WarpMode;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

class LabelPropagationTest {
    /**
     * Distance fusion, plain argmax (weight 1), no intensity prior: these tests are about walks and fusion weights, not
     * the label rule.
     */
    static final PropagationOptions DISTANCE = PropagationOptions.defaults().withFusion(Fusion.DISTANCE).withBackgroundWeight(1)
        .withIntensityPrior(0);

    static PropagationResult run(Volume image, LabelVolume sparse, LabelVolume hints, SliceRegistrar r, PropagationOptions o) {
        return LabelPropagation.run(SparseScan.of(image, sparse, hints == null ? null : new Hints(hints), SliceAxis.Z), r, o,
            ProgressListener.NONE);
    }

    static Volume blank(Grid g) { return new Volume(g, new float[g.shape().voxels()]); }

    @Test
    void identityRegistrarCopiesTheNearestAnnotationInsideTheRange() {
        Grid g = grid(16, 14, 8);
        Shape3 s = g.shape();
        int[] d = new int[s.voxels()];
        fill(d, s, 0, 2, 8, 2, 8, 1);
        fill(d, s, 0, 9, 14, 3, 6, 2);
        fill(d, s, 5, 4, 12, 6, 12, 1);
        LabelVolume sparse = new LabelVolume(g, d);
        PropagationResult r = run(blank(g), sparse, null, FakeRegistrar.identity(), DISTANCE);
        for (int z = 0; z < 8; z++)
            for (int y = 0; y < 14; y++)
                for (int x = 0; x < 16; x++) {
                    int expected = z <= 2 ? sparse.get(x, y, 0) : z <= 5 ? sparse.get(x, y, 5) : 0;
                    assertThat(r.fused().get(x, y, z)).as("voxel %d,%d,%d", x, y, z).isEqualTo(expected);
                }
        // label 2 is only on slice 0: propagated, faded out by slice 5 where it is absent, and reported
        assertThat(r.labelStatus()).containsEntry(1, LabelCoverage.RANGE).containsEntry(2, LabelCoverage.SINGLE_SLICE);
        assertThat(count(r.up(), 2, 4)).isEqualTo(count(sparse, 2, 0));
        assertThat(count(r.down(), 2, 4)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Fusion.class)
    void exactShiftsCarryAMovingDiskBothWays(Fusion fusion) {
        Grid g = grid(48, 40, 12);
        LabelVolume truth = PropagationFixtures.movingDisk(g, 12, 20, 2, 0.5, 6, 3);
        Volume image = PropagationFixtures.movingImage(g, 2, 0.5, truth);
        PropagationResult r = run(image, keepSlices(truth, 1, 10), null, FakeRegistrar.translation(0.5, 2),
            PropagationOptions.defaults().withFusion(fusion));
        assertThat(dice(r.up(), truth, 3, 2, 9)).isGreaterThan(0.95);
        assertThat(dice(r.down(), truth, 3, 2, 9)).isGreaterThan(0.95);
        assertThat(dice(r.fused(), truth, 3, 1, 10)).isGreaterThan(0.95);
        // the up walk from slice 1 with the wrong fields would not fit: the test can fail
        PropagationResult wrong = run(image, keepSlices(truth, 1, 10), null, FakeRegistrar.identity(), DISTANCE);
        assertThat(dice(wrong.up(), truth, 3, 5, 9)).isLessThan(0.5);
    }

    @Test
    void nccFusionTrustsTheDirectionWhoseWarpedImageMatches() {
        Grid g = grid(48, 40, 12);
        LabelVolume truth = PropagationFixtures.movingDisk(g, 10, 20, 2, 0, 6, 1);
        Volume image = PropagationFixtures.movingImage(g, 2, 0, truth);
        // up fields wrong (identity), down fields exact: near slice 1 distance weights trust the wrong walk
        SliceRegistrar halfRight = FakeRegistrar.perPair(i -> new float[] {0, 0}, i -> new float[] {0, 2});
        LabelVolume sparse = keepSlices(truth, 1, 10);
        double distance = dice(run(image, sparse, null, halfRight, DISTANCE).fused(), truth, 1, 2, 9);
        double ncc = dice(run(image, sparse, null, halfRight, PropagationOptions.defaults().withFusion(Fusion.NCC).withIntensityPrior(0)).fused(), truth, 1, 2, 9);
        assertThat(ncc).isGreaterThan(0.9).isGreaterThan(distance + 0.2);
    }

    @ParameterizedTest
    @EnumSource(WarpMode.class)
    void bothWarpModesFollowFractionalShifts(WarpMode mode) {
        Grid g = grid(40, 40, 16);
        LabelVolume truth = PropagationFixtures.movingDisk(g, 8, 12, 1.4, 0.7, 5, 1);
        PropagationResult r = run(blank(g), keepSlices(truth, 0, 15), null, FakeRegistrar.translation(0.7, 1.4),
            DISTANCE.withWarp(mode));
        assertThat(dice(r.up(), truth, 1, 1, 14)).isGreaterThan(0.95);
        assertThat(dice(r.down(), truth, 1, 1, 14)).isGreaterThan(0.95);
        assertThat(dice(r.fused(), truth, 1, 0, 15)).isGreaterThan(0.95);
    }

    @Test
    void labelAbsentOnTheFarAnnotatedSliceFadesOut() {
        Grid g = grid(20, 20, 9);
        Shape3 s = g.shape();
        int[] d = new int[s.voxels()];
        fill(d, s, 0, 3, 9, 3, 9, 1);
        fill(d, s, 0, 12, 17, 12, 17, 2);
        fill(d, s, 8, 12, 17, 12, 17, 2);
        PropagationResult r = run(blank(g), new LabelVolume(g, d), null, FakeRegistrar.identity(), new PropagationOptions(Fusion.DISTANCE, 0.5, PropagationOptions.WarpMode.SEQUENTIAL, false, 31, 1, 1, PropagationOptions.Background.ONE_MINUS_MAX, 1, 0));
        for (int z = 1; z <= 3; z++) assertThat(count(r.fused(), 1, z)).as("slice %d", z).isEqualTo(36);
        for (int z = 5; z <= 8; z++) assertThat(count(r.fused(), 1, z)).as("slice %d", z).isZero();
        for (int z = 0; z <= 8; z++) assertThat(count(r.fused(), 2, z)).isEqualTo(25);
        assertThat(r.labelStatus()).containsEntry(1, LabelCoverage.SINGLE_SLICE).containsEntry(2, LabelCoverage.RANGE);
    }

    @Test
    void singleSliceLabelBetweenTwoAnnotationsIsKeptNearIt() {
        Grid g = grid(16, 16, 9);
        Shape3 s = g.shape();
        int[] d = new int[s.voxels()];
        for (int z : new int[] {0, 4, 8}) fill(d, s, z, 1, 5, 1, 5, 1);
        fill(d, s, 4, 8, 14, 8, 14, 3);
        PropagationResult r = run(blank(g), new LabelVolume(g, d), null, FakeRegistrar.identity(), DISTANCE);
        assertThat(r.labelStatus()).containsEntry(3, LabelCoverage.SINGLE_SLICE);
        assertThat(count(r.fused(), 3, 4)).isEqualTo(36);
        assertThat(count(r.fused(), 3, 3)).isEqualTo(36);
        assertThat(count(r.fused(), 3, 5)).isEqualTo(36);
        assertThat(count(r.fused(), 3, 1)).isZero();
        assertThat(count(r.fused(), 3, 7)).isZero();
    }

    @Test
    void annotatedSlicesKeepTheirAnnotationExactly() {
        Grid g = grid(30, 30, 10);
        LabelVolume truth = PropagationFixtures.movingDisk(g, 10, 10, 1, 1, 4.5, 7);
        // the registrar is wrong on purpose: annotated slices must not depend on it
        LabelVolume sparse = keepSlices(truth, 2, 6, 9);
        PropagationResult r = run(blank(g), sparse, null, FakeRegistrar.translation(3, -2), PropagationOptions.defaults());
        for (int z : new int[] {2, 6, 9})
            for (int y = 0; y < 30; y++)
                for (int x = 0; x < 30; x++) {
                    assertThat(r.fused().get(x, y, z)).isEqualTo(sparse.get(x, y, z));
                    assertThat(r.uncertainty().get(x, y, z)).isZero();
                }
    }
}
