// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;

class ShapeInterpolationTest {
    private final ShapeInterpolation shape = new ShapeInterpolation();
    private final InterpolationOptions plain = InterpolationOptions.defaults();

    @Test
    void diskGrowingLinearlyIsReproducedWithinAPixelOnEverySlice() {
        Grid grid = SyntheticVolumes.grid(24, 24, 11);
        double[] radii = SyntheticVolumes.linearRadii(11, 2, 3, 10, 9);
        LabelVolume truth = SyntheticVolumes.disks(grid, SliceAxis.Z, 1, 11.5, 11.5, radii);
        LabelVolume out = shape.interpolate(SyntheticVolumes.keepSlices(truth, SliceAxis.Z, 2, 10), SliceAxis.Z, plain);
        for (int z = 3; z < 10; z++) {
            double r = radii[z];
            for (int y = 0; y < 24; y++)
                for (int x = 0; x < 24; x++) {
                    double rho = Math.hypot(x - 11.5, y - 11.5);
                    if (rho < r - 1) assertThat(out.get(x, y, z)).as("inside pixel (%d,%d,%d) r=%.2f", x, y, z, r).isEqualTo(1);
                    if (rho > r + 1) assertThat(out.get(x, y, z)).as("outside pixel (%d,%d,%d) r=%.2f", x, y, z, r).isZero();
                }
        }
        double middleArea = SyntheticVolumes.countOnSlice(out, SliceAxis.Z, 6, 1);
        assertThat(middleArea).isBetween(Math.PI * 5.5 * 5.5, Math.PI * 6.5 * 6.5);
    }

    @Test
    void distancesAreInMillimetresWithAnisotropicInPlaneSpacing() {
        // columns 0.5 mm, rows 1 mm: a disk of radius R mm is an ellipse of R/0.5 x R/1 pixels
        Grid grid = SyntheticVolumes.grid(40, 20, 9, new Spacing(0.5, 1.0, 3.0));
        LabelVolume sparse = ellipses(grid, new double[] {2, -1, -1, -1, -1, -1, -1, -1, 8});
        LabelVolume out = shape.interpolate(sparse, SliceAxis.Z, plain);
        for (int y = 0; y < 20; y++)
            for (int x = 0; x < 40; x++) {
                double rhoMm = Math.hypot((x - 19.5) * 0.5, (y - 9.5) * 1.0);
                if (rhoMm < 5 - 1) assertThat(out.get(x, y, 4)).as("(%d,%d)", x, y).isEqualTo(1);
                if (rhoMm > 5 + 1) assertThat(out.get(x, y, 4)).as("(%d,%d)", x, y).isZero();
            }
    }

    @Test
    void annotatedSlicesComeOutUnchangedAndOutsideTheRangeIsBackgroundUnlessExtrapolating() {
        Grid grid = SyntheticVolumes.grid(16, 16, 12);
        LabelVolume truth = SyntheticVolumes.disks(grid, SliceAxis.Z, 2, 7.5, 7.5, SyntheticVolumes.linearRadii(12, 0, 2, 11, 6));
        LabelVolume sparse = SyntheticVolumes.keepSlices(truth, SliceAxis.Z, 3, 8);
        LabelVolume out = shape.interpolate(sparse, SliceAxis.Z, plain);
        LabelVolume extra = shape.interpolate(sparse, SliceAxis.Z, plain.withExtrapolate(true));
        for (int s : new int[] {3, 8}) assertThat(out.slice(SliceAxis.Z, s).toArray()).containsExactly(sparse.slice(SliceAxis.Z, s).toArray());
        for (int s : new int[] {0, 2, 9, 11}) assertThat(SyntheticVolumes.countOnSlice(out, SliceAxis.Z, s, 2)).isZero();
        assertThat(extra.slice(SliceAxis.Z, 0).toArray()).containsExactly(sparse.slice(SliceAxis.Z, 3).toArray());
        assertThat(extra.slice(SliceAxis.Z, 11).toArray()).containsExactly(sparse.slice(SliceAxis.Z, 8).toArray());
        assertThat(extra.slice(SliceAxis.Z, 5).toArray()).containsExactly(out.slice(SliceAxis.Z, 5).toArray());
    }

    @Test
    void labelAbsentOnOneEndErodesAndIsGoneByHalfWay() {
        // label 1: disk of radius 6 on annotated slices 0 and 16, absent on annotated slice 8 (label 2 is there instead)
        Grid grid = SyntheticVolumes.grid(20, 20, 17);
        double[] r = new double[17];
        java.util.Arrays.fill(r, -1);
        r[0] = 6;
        r[16] = 6;
        LabelVolume sparse = SyntheticVolumes.overlay(SyntheticVolumes.disks(grid, SliceAxis.Z, 1, 9.5, 9.5, r),
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 2, 0, 0, 0, 1, 1, 16), SliceAxis.Z, 8));
        LabelVolume out = shape.interpolate(sparse, SliceAxis.Z, plain);
        long full = SyntheticVolumes.countOnSlice(out, SliceAxis.Z, 0, 1), previous = full;
        for (int z = 1; z <= 3; z++) {
            long area = SyntheticVolumes.countOnSlice(out, SliceAxis.Z, z, 1);
            assertThat(area).as("slice %d", z).isPositive().isLessThanOrEqualTo(previous);
            assertThat(out.get(9, 9, z)).as("deepest point stays until half way, slice %d", z).isEqualTo(1);
            assertThat(SyntheticVolumes.countOnSlice(out, SliceAxis.Z, 16 - z, 1)).as("mirrored slice %d", 16 - z).isEqualTo(area);
            previous = area;
        }
        assertThat(previous).as("eroded by slice 3").isLessThan(full / 2);
        for (int z = 4; z <= 12; z++) assertThat(SyntheticVolumes.countOnSlice(out, SliceAxis.Z, z, 1)).as("slice %d", z).isZero();
        // label 2 (only on slice 8) is a single-slice label: kept on 5..12 (4 and 12 are ties, which go to the lower slice)
        for (int z = 0; z <= 16; z++) assertThat(out.get(0, 0, z)).as("slice %d", z).isEqualTo(z >= 5 && z <= 12 ? 2 : 0);
    }

    @Test
    void labelAbsentOnAnAnnotatedSliceIsNotCarriedAcrossIt() {
        // label 1 on slices 0 and 10 (same box); slice 5 annotated with label 2 only
        Grid grid = SyntheticVolumes.grid(12, 12, 11);
        LabelVolume sparse = SyntheticVolumes.overlay(
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 1, 1, 1, 0, 6, 6, 10), SliceAxis.Z, 0, 10),
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 2, 9, 9, 0, 11, 11, 10), SliceAxis.Z, 5));
        LabelVolume out = shape.interpolate(sparse, SliceAxis.Z, plain);
        for (int z = 3; z <= 7; z++) assertThat(SyntheticVolumes.countOnSlice(out, SliceAxis.Z, z, 1)).as("slice %d", z).isZero();
        assertThat(out.get(3, 3, 1)).isEqualTo(1);
        assertThat(out.get(3, 3, 9)).isEqualTo(1);
    }

    @Test
    void singleSliceLabelIsCopiedUnchangedOverItsTerritory() {
        Grid grid = SyntheticVolumes.grid(12, 12, 13);
        LabelVolume sparse = SyntheticVolumes.overlay(
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 1, 0, 0, 0, 3, 3, 12), SliceAxis.Z, 2, 10),
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 3, 6, 6, 0, 10, 9, 12), SliceAxis.Z, 6));
        LabelVolume out = shape.interpolate(sparse, SliceAxis.Z, plain);
        long area = SyntheticVolumes.countOnSlice(sparse, SliceAxis.Z, 6, 3);
        for (int z = 0; z < 13; z++)
            assertThat(SyntheticVolumes.countOnSlice(out, SliceAxis.Z, z, 3)).as("slice %d", z).isEqualTo(z >= 5 && z <= 8 ? area : 0);
        assertThat(out.slice(SliceAxis.Z, 8).toArray()).contains(3);
    }

    @Test
    void neighbouringLabelsShareAMovingBoundaryWithoutASeam() {
        // label 1 left of the boundary, label 2 right of it; the boundary moves from 4.5 (slice 0) to 7.5 (slice 10)
        Grid grid = SyntheticVolumes.grid(14, 6, 11);
        LabelVolume full0 = SyntheticVolumes.overlay(SyntheticVolumes.box(grid, 1, 0, 0, 0, 4, 5, 10), SyntheticVolumes.box(grid, 2, 5, 0, 0, 13, 5, 10));
        LabelVolume full10 = SyntheticVolumes.overlay(SyntheticVolumes.box(grid, 1, 0, 0, 0, 7, 5, 10), SyntheticVolumes.box(grid, 2, 8, 0, 0, 13, 5, 10));
        LabelVolume sparse = SyntheticVolumes.overlay(SyntheticVolumes.keepSlices(full0, SliceAxis.Z, 0), SyntheticVolumes.keepSlices(full10, SliceAxis.Z, 10));
        LabelVolume out = shape.interpolate(sparse, SliceAxis.Z, plain);
        for (int z = 0; z <= 10; z++) {
            assertThat(SyntheticVolumes.countOnSlice(out, SliceAxis.Z, z, 0)).as("background on slice %d", z).isZero();
            double boundary = 4.5 + 3 * z / 10.0;
            for (int x = 0; x < 14; x++)
                if (Math.abs(x - boundary) > 0.5) assertThat(out.get(x, 2, z)).as("x=%d z=%d", x, z).isEqualTo(x < boundary ? 1 : 2);
        }
    }

    @Test
    void interpolatesAlongTheXAxisToo() {
        Grid grid = SyntheticVolumes.grid(9, 20, 20);
        double[] radii = SyntheticVolumes.linearRadii(9, 0, 2, 8, 8);
        LabelVolume truth = SyntheticVolumes.disks(grid, SliceAxis.X, 4, 9.5, 9.5, radii);
        LabelVolume out = shape.interpolate(SyntheticVolumes.keepSlices(truth, SliceAxis.X, 0, 8), SliceAxis.X, plain);
        assertThat(out.get(4, 9, 9)).isEqualTo(4);
        assertThat((double) SyntheticVolumes.countOnSlice(out, SliceAxis.X, 4, 4)).isBetween(Math.PI * 4 * 4, Math.PI * 6 * 6);
    }

    /** Disks centred at (19.5, 9.5) with radii in mm on slices along z (no disk when negative). */
    private static LabelVolume ellipses(Grid grid, double[] radiusMm) {
        Shape3 s = grid.shape();
        int[] data = new int[s.voxels()];
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++)
                    if (radiusMm[z] >= 0 && Math.hypot((x - 19.5) * 0.5, (y - 9.5) * 1.0) <= radiusMm[z]) data[s.index(x, y, z)] = 1;
        return new LabelVolume(grid, data);
    }
}
