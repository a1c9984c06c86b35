// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;

class HausdorffDistanceTest {
    private final Spacing spacing = new Spacing(0.8, 1.3, 2.5);
    private final Grid grid = SyntheticVolumes.grid(16, 14, 12, spacing);

    @Test
    void twoSingleVoxelsAreTheirEuclideanDistanceApartInMillimetres() {
        LabelVolume a = SyntheticVolumes.box(grid, 1, 2, 3, 1, 2, 3, 1);
        LabelVolume b = SyntheticVolumes.box(grid, 1, 7, 1, 5, 7, 1, 5);
        double expected = Math.sqrt(Math.pow(5 * 0.8, 2) + Math.pow(2 * 1.3, 2) + Math.pow(4 * 2.5, 2));
        HausdorffDistance h = HausdorffDistance.hd95(a, b, 1);
        assertThat(h.hd95Mm()).isCloseTo(expected, within(1e-9));
        assertThat(h.maxMm()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void parallelPlatesOffsetAlongTheThickAxis() {
        // plates two voxels thick at z 3..4 and z 6..7: every voxel is surface; half the distances are 2 dz, half 3 dz
        LabelVolume a = SyntheticVolumes.box(grid, 1, 2, 2, 3, 11, 11, 4);
        LabelVolume b = SyntheticVolumes.box(grid, 1, 2, 2, 6, 11, 11, 7);
        HausdorffDistance h = HausdorffDistance.hd95(a, b, 1);
        assertThat(h.hd95Mm()).isCloseTo(3 * 2.5, within(1e-9));
        assertThat(h.predictedSurfaceVoxels()).isEqualTo(200);
    }

    @Test
    void matchesABruteForceReferenceOnOffsetCubesAndSpheres() {
        LabelVolume cubeA = SyntheticVolumes.box(grid, 3, 2, 2, 2, 8, 9, 6);
        LabelVolume cubeB = SyntheticVolumes.box(grid, 3, 4, 1, 3, 11, 8, 9);
        assertThat(HausdorffDistance.hd95(cubeA, cubeB, 3).hd95Mm()).isCloseTo(bruteForceHd95(cubeA, cubeB, 3), within(1e-9));
        LabelVolume ballA = SyntheticVolumes.sphere(grid, 2, 7, 6, 5, 5.0);
        LabelVolume ballB = SyntheticVolumes.sphere(grid, 2, 9, 7, 6, 4.0);
        HausdorffDistance h = HausdorffDistance.hd95(ballA, ballB, 2);
        assertThat(h.hd95Mm()).isCloseTo(bruteForceHd95(ballA, ballB, 2), within(1e-9));
        assertThat(h.hd95Mm()).isPositive().isLessThanOrEqualTo(h.maxMm());
    }

    @Test
    void identicalMasksAreZeroApart() {
        LabelVolume ball = SyntheticVolumes.sphere(grid, 1, 7, 6, 5, 5.0);
        assertThat(HausdorffDistance.hd95(ball, ball, 1).hd95Mm()).isZero();
    }

    @Test
    void emptyAgainstNonEmptyIsInfiniteAndBothEmptyIsZero() {
        LabelVolume ball = SyntheticVolumes.sphere(grid, 1, 7, 6, 5, 3.0);
        LabelVolume empty = LabelVolume.empty(grid);
        HausdorffDistance h = HausdorffDistance.hd95(ball, empty, 1);
        assertThat(h.infinite()).isTrue();
        assertThat(h.hd95Mm()).isInfinite();
        HausdorffDistance none = HausdorffDistance.hd95(empty, empty, 1);
        assertThat(none.bothEmpty()).isTrue();
        assertThat(none.hd95Mm()).isZero();
    }

    @Test
    void restrictedToSlicesIgnoresTheOthers() {
        LabelVolume a = SyntheticVolumes.box(grid, 1, 2, 2, 0, 8, 8, 8);
        LabelVolume b = SyntheticVolumes.overlay(a, SyntheticVolumes.box(grid, 1, 14, 12, 11, 15, 13, 11));
        assertThat(HausdorffDistance.hd95(a, b, 1).maxMm()).isGreaterThan(10);
        int[] firstNine = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThat(HausdorffDistance.hd95(a, b, 1, SliceAxis.Z, firstNine).maxMm()).isZero();
        // a sub-volume where only b has the label is infinitely far
        assertThat(HausdorffDistance.hd95(a, b, 1, SliceAxis.Z, new int[] {11}).infinite()).isTrue();
    }

    @Test
    void percentileInterpolatesLinearlyLikeNumpy() {
        double[] v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(HausdorffDistance.percentile(v, 0.95)).isCloseTo(9.5, within(1e-12));
        assertThat(HausdorffDistance.percentile(new double[] {4}, 0.95)).isEqualTo(4);
    }

    /** Surface voxels by the definition (a 6-neighbour outside the mask or the grid), all pairwise distances. */
    private double bruteForceHd95(LabelVolume p, LabelVolume t, int label) {
        List<int[]> sp = surface(p, label), st = surface(t, label);
        double[] pooled = new double[sp.size() + st.size()];
        int k = 0;
        for (int[] a : sp) pooled[k++] = nearest(a, st);
        for (int[] a : st) pooled[k++] = nearest(a, sp);
        Arrays.sort(pooled);
        double rank = 0.95 * (pooled.length - 1);
        int lo = (int) rank;
        return lo + 1 < pooled.length ? pooled[lo] + (rank - lo) * (pooled[lo + 1] - pooled[lo]) : pooled[lo];
    }

    private double nearest(int[] a, List<int[]> others) {
        double best = Double.POSITIVE_INFINITY;
        for (int[] b : others)
            best = Math.min(best, Math.sqrt(Math.pow((a[0] - b[0]) * spacing.xMm(), 2) + Math.pow((a[1] - b[1]) * spacing.yMm(), 2)
                + Math.pow((a[2] - b[2]) * spacing.zMm(), 2)));
        return best;
    }

    private static List<int[]> surface(LabelVolume v, int label) {
        Shape3 s = v.shape();
        List<int[]> out = new ArrayList<>();
        int[][] steps = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    if (v.get(x, y, z) != label) continue;
                    for (int[] d : steps) {
                        int qx = x + d[0], qy = y + d[1], qz = z + d[2];
                        if (!s.contains(qx, qy, qz) || v.get(qx, qy, qz) != label) { out.add(new int[] {x, y, z}); break; }
                    }
                }
        return out;
    }
}
