// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.labelprop.field.DisplacementField;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/** Refining the slice pairs in memory-bounded chunks gives the fields that refining them all at once gives. */
class ChunkedRefinementTest {

    /** Slices along z of a blob that drifts and swells, so every pair has something to register. */
    private static Volume image() {
        Shape3 s = new Shape3(24, 16, 6);
        float[] v = new float[s.voxels()];
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    double dx = x - 9 - 0.8 * z, dy = y - 8 + 0.3 * z, r = 4 + 0.4 * z;
                    v[s.index(x, y, z)] = (float) Math.exp(-(dx * dx + dy * dy) / (r * r));
                }
        return new Volume(Grid.of(s, Spacing.isotropic(1)), v);
    }

    @Test
    void chunkedRefinementMatchesBatchedRefinement() {
        RegistrarConfig rc = RegistrarConfig.of(org.labelprop.request.Refinement.steps(8), true, 2);
        NeighbourFields all = new NetworkRegistrar(null, rc).fields(image(), SliceAxis.Z, ProgressListener.NONE);
        // 10 pairs of 16x24 (padded) pixels; 3 pairs per chunk -> 4 chunks
        NeighbourFields chunked = new NetworkRegistrar(null, rc).withMaxChunkPixels(3L * 16 * 24)
            .fields(image(), SliceAxis.Z, ProgressListener.NONE);
        double moved = 0, diff = 0;
        for (int i = 0; i < all.up().size(); i++)
            for (DisplacementField[] p : new DisplacementField[][] {{all.up().get(i), chunked.up().get(i)}, {all.down().get(i), chunked.down().get(i)}})
                for (int k = 0; k < p[0].dxArray().length; k++) {
                    moved = Math.max(moved, Math.abs(p[0].dxArray()[k]));
                    diff = Math.max(diff, Math.abs(p[0].dxArray()[k] - p[1].dxArray()[k]));
                    diff = Math.max(diff, Math.abs(p[0].dyArray()[k] - p[1].dyArray()[k]));
                }
        assertThat(moved).as("refinement moved the fields").isGreaterThan(0.1);
        assertThat(diff).as("largest difference between chunked and batched fields (px)").isLessThan(1e-3);
    }
}
