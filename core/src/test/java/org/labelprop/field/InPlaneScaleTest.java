// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class InPlaneScaleTest {
    @Test
    void slicesWithinTheLimitAreLeftAsTheyAre() {
        InPlaneScale s = InPlaneScale.fit(new Shape3(94, 82, 68), SliceAxis.Z, 256);
        assertThat(s.identity()).isTrue();
        Volume v = new Volume(Grid.of(new Shape3(94, 82, 68), Spacing.isotropic(1)), new float[94 * 82 * 68]);
        assertThat(s.shrink(v)).isSameAs(v);
    }

    @Test
    void largeSlicesShrinkToTheLimitKeepingTheSliceCountAndScaleSpacing() {
        // slices along y (axis 1) are 512 (x, columns) by 300 (z, rows)
        Shape3 shape = new Shape3(512, 5, 300);
        InPlaneScale s = InPlaneScale.fit(shape, SliceAxis.Y, 256);
        assertThat(s.workW()).isEqualTo(256);
        assertThat(s.workH()).isEqualTo(150);
        float[] a = new float[shape.voxels()];
        for (int z = 0; z < 300; z++) for (int y = 0; y < 5; y++) for (int x = 0; x < 512; x++) a[shape.index(x, y, z)] = x;
        Volume small = s.shrink(new Volume(Grid.of(shape, new Spacing(0.5, 3, 0.8)), a));
        assertThat(small.shape()).isEqualTo(new Shape3(256, 5, 150));
        assertThat(small.grid().spacing()).isEqualTo(new Spacing(1.0, 3, 1.6));
        assertThat(small.get(10, 2, 70)).isEqualTo(20.5f);   // mean of native columns 20 and 21

        int[] l = new int[shape.voxels()];
        for (int z = 150; z < 300; z++) for (int y = 0; y < 5; y++) for (int x = 0; x < 512; x++) l[shape.index(x, y, z)] = 3;
        LabelVolume lab = s.shrink(new LabelVolume(Grid.of(shape, Spacing.isotropic(1)), l));
        assertThat(lab.get(100, 1, 74)).isZero();
        assertThat(lab.get(100, 1, 75)).isEqualTo(3);
    }

    @Test
    void fineMatricesAreRegisteredAtTheMinimumPixelSize() {
        // 376 x 328 at 0.25 mm: 1 mm pixels (94 x 82) rather than 256 x 223
        InPlaneScale s = InPlaneScale.fit(new Shape3(376, 328, 68), SliceAxis.Z, 256, 0.25, 1.0);
        assertThat(s.workW()).isEqualTo(94);
        assertThat(s.workH()).isEqualTo(82);
        // coarse pixels: the side limit decides; within the limit nothing changes even at 0.25 mm
        assertThat(InPlaneScale.fit(new Shape3(512, 512, 9), SliceAxis.Z, 256, 2.0, 1.0).workW()).isEqualTo(256);
        assertThat(InPlaneScale.fit(new Shape3(200, 150, 9), SliceAxis.Z, 256, 0.25, 1.0).identity()).isTrue();
    }

    @Test
    void enlargedFieldsMoveNativePixelsAsTheWorkingFieldMovesWorkingPixels() {
        InPlaneScale s = InPlaneScale.fit(new Shape3(400, 200, 3), SliceAxis.Z, 100);   // 200 x 400 slices -> 50 x 100
        assertThat(s.workH()).isEqualTo(50);
        assertThat(s.workW()).isEqualTo(100);
        float[] dy = new float[50 * 100], dx = new float[50 * 100];
        for (int r = 0; r < 50; r++) for (int c = 0; c < 100; c++) { dy[r * 100 + c] = 1.5f; dx[r * 100 + c] = -0.25f * c / 99f; }
        DisplacementField big = s.enlarge(new DisplacementField(50, 100, dy, dx));
        assertThat(big.height()).isEqualTo(200);
        assertThat(big.width()).isEqualTo(400);
        assertThat(big.dy(123, 77)).isCloseTo(6f, within(1e-5f));                 // 1.5 working pixels = 6 native rows
        // column 201.5 native (centre) is working column 49.875: dx = -0.25 * 49.875 / 99 working pixels, x4 native
        assertThat(big.dx(201, 10)).isCloseTo((float) (-0.25 * ((201 + 0.5) / 4 - 0.5) / 99 * 4), within(1e-5f));
    }
}
