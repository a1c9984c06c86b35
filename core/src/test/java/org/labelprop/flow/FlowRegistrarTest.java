// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.SyntheticVolumes;
import org.labelprop.field.DisplacementField;
import org.labelprop.field.Warper;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.volume.Grid;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

class FlowRegistrarTest {
    static final int NX = 56, NY = 48, NZ = 5;

    /** Blobs whose content moves by +1.5 rows (y) and -1 column (x) from each z slice to the next. */
    static Volume drifting() {
        Grid grid = SyntheticVolumes.grid(NX, NY, NZ);
        float[] v = new float[NX * NY * NZ];
        for (int z = 0; z < NZ; z++)
            System.arraycopy(TvL1FlowTest.blobs(NY, NX, 1.5 * z, -1.0 * z), 0, v, z * NX * NY, NX * NY);
        return new Volume(grid, v);
    }

    @Test
    void upCarriesSliceIOntoSliceIPlusOneAndDownTheReverse() {
        NeighbourFields f = new FlowRegistrar(TvL1Options.defaults(), 2).fields(drifting(), SliceAxis.Z, null);
        assertThat(f.slices()).isEqualTo(NZ);
        for (int i = 0; i < NZ - 1; i++) {
            // fixed = slice i+1 shows content moved by t, so sampling slice i at p + u needs u = -t
            assertThat(centre(f.up().get(i).dyArray())).isCloseTo(-1.5, within(0.1));
            assertThat(centre(f.up().get(i).dxArray())).isCloseTo(1.0, within(0.1));
            assertThat(centre(f.down().get(i).dyArray())).isCloseTo(1.5, within(0.1));
            assertThat(centre(f.down().get(i).dxArray())).isCloseTo(-1.0, within(0.1));
        }
    }

    @Test
    void fieldsDoNotDependOnTheThreadCountAndProgressCountsPairs() {
        Volume image = drifting();
        List<Long> seen = new ArrayList<>();
        NeighbourFields one = new FlowRegistrar(TvL1Options.defaults(), 1).fields(image, SliceAxis.Z, null);
        NeighbourFields three = new FlowRegistrar(TvL1Options.defaults(), 3).fields(image, SliceAxis.Z,
            (stage, done, total) -> { assertThat(stage).isEqualTo(org.labelprop.progress.Stage.FIELDS); assertThat(total).isEqualTo(NZ - 1); seen.add(done); });
        for (int i = 0; i < NZ - 1; i++) {
            assertThat(three.up().get(i).dyArray()).isEqualTo(one.up().get(i).dyArray());
            assertThat(three.down().get(i).dxArray()).isEqualTo(one.down().get(i).dxArray());
        }
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void anInterruptedCallerGetsACancellation() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> FlowRegistrar.defaults().fields(drifting(), SliceAxis.Z, null)).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> new FlowRegistrar(TvL1Options.defaults(), 0)).hasMessageContaining("at least one thread, got 0");
    }

    /**
     * The Warper applies a flow as scikit-image does: {@code warp(map, grid + flow, order=1, mode='constant')} on a
     * one-hot label map (bilinear, zero outside, positions within one pixel of the border blended with 0).
     */
    @Test
    void warpingALabelMatchesScikitImageWarp(@TempDir Path dir) throws Exception {
        SkimageOracle.requireSkimage();
        Volume image = drifting();
        NeighbourFields f = new FlowRegistrar(TvL1Options.defaults(), 2).fields(image, SliceAxis.Z, null);
        DisplacementField up = f.up().get(1);
        // a label near the border too, so zero padding is exercised
        float[] label = new float[NX * NY];
        for (int y = 0; y < NY; y++)
            for (int x = 0; x < NX; x++) if ((x - 20) * (x - 20) + (y - 16) * (y - 16) < 80 || x < 3 || y > NY - 3) label[y * NX + x] = 1f;
        float[] shifted = new float[NX * NY], shiftedX = new float[NX * NY];
        java.util.Arrays.fill(shifted, 2.6f);
        java.util.Arrays.fill(shiftedX, -3.3f);
        DisplacementField translation = new DisplacementField(NY, NX, shifted, shiftedX);
        StringBuilder cases = new StringBuilder();
        DisplacementField[] fields = {up, translation};
        for (int k = 0; k < fields.length; k++) {
            SkimageOracle.write(dir.resolve("f" + k + ".map.f32"), label);
            SkimageOracle.write(dir.resolve("f" + k + ".flow.f32"), fields[k].dyArray(), fields[k].dxArray());
            cases.append("f").append(k).append(' ').append(NY).append(' ').append(NX).append('\n');
        }
        Files.writeString(dir.resolve("cases.txt"), cases);
        SkimageOracle.run("warp", dir);
        for (int k = 0; k < fields.length; k++) {
            float[] expected = SkimageOracle.read(dir.resolve("f" + k + ".warped.f32"));
            float[] warped = Warper.warp(label, fields[k]);
            for (int i = 0; i < warped.length; i++)
                assertThat(warped[i]).as("field %d pixel %d", k, i).isCloseTo(expected[i], within(1e-5f));
        }
    }

    private static double centre(float[] v) {
        double s = 0;
        int n = 0;
        for (int y = 14; y < NY - 14; y++)
            for (int x = 14; x < NX - 14; x++) { s += v[y * NX + x]; n++; }
        return s / n;
    }
}
