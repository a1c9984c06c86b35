// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class SliceStackTest {
    @Test
    void padsToAMultipleOfEightWithoutStretchingAndNormalisesEachSlice() {
        Grid g = Grid.of(new Shape3(10, 5, 3), Spacing.isotropic(1));
        float[] a = new float[150];
        for (int i = 0; i < a.length; i++) a[i] = (i % 10) * (1 + i / 50) * 100f;   // slice z has scale (z+1)
        SliceStack s = SliceStack.of(new Volume(g, a), SliceAxis.Z, 8);
        assertThat(s.height()).isEqualTo(5);
        assertThat(s.width()).isEqualTo(10);
        assertThat(s.paddedHeight()).isEqualTo(8);
        assertThat(s.paddedWidth()).isEqualTo(16);
        for (int z = 0; z < 3; z++) {
            int base = z * 8 * 16;
            assertThat(s.data()[base]).isCloseTo(0f, within(1e-6f));          // column 0 = lowest value
            assertThat(s.data()[base + 9]).isCloseTo(1f, within(1e-6f));      // column 9 = highest value, same on each slice
            assertThat(s.data()[base + 12]).isEqualTo(0f);                    // padding
            assertThat(s.data()[base + 6 * 16]).isEqualTo(0f);
        }
    }

    @Test
    void normalisationDoesNotDependOnTheArrayOrientation() {
        // the same scan stored with axes swapped: slices along the propagation axis must come out identical
        int nx = 6, ny = 7, nz = 4;
        float[] a = new float[nx * ny * nz], b = new float[nx * ny * nz];
        java.util.Random r = new java.util.Random(1);
        for (int z = 0; z < nz; z++)
            for (int y = 0; y < ny; y++)
                for (int x = 0; x < nx; x++) {
                    float v = r.nextFloat() * (z + 1);
                    a[x + nx * (y + ny * z)] = v;
                    b[z + nz * (y + ny * x)] = v;     // x and z swapped: propagation axis becomes X
                }
        SliceStack sa = SliceStack.of(new Volume(Grid.of(new Shape3(nx, ny, nz), Spacing.isotropic(1)), a), SliceAxis.Z, 1);
        SliceStack sb = SliceStack.of(new Volume(Grid.of(new Shape3(nz, ny, nx), Spacing.isotropic(1)), b), SliceAxis.X, 1);
        // slice z along Z: columns x, rows y; along X: columns y, rows z... compare as sets of (x,y) values
        for (int z = 0; z < nz; z++)
            for (int y = 0; y < ny; y++)
                for (int x = 0; x < nx; x++)
                    assertThat(sb.data()[z * ny * nx + x * ny + y]).isCloseTo(sa.data()[z * ny * nx + y * nx + x], within(1e-6f));
    }
}
