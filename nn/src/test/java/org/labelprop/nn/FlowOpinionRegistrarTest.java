// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.labelprop.field.DisplacementField;
import org.labelprop.field.Warper;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.propagation.SparseScan;
import org.labelprop.request.Refinement;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/**
 * The flow opinion is refined under the annotations on long gaps only: on a blank image (flow sees no motion) a square
 * annotated at both ends of a 24 mm gap, 6 pixels apart, is carried onto its second position by the opinion's fields;
 * across a 6 mm gap the opinion is the plain flow, field for field.
 */
class FlowOpinionRegistrarTest {
    private static final int NX = 24, NY = 16;

    private static boolean inSquare(int x, int y, int z, int gap) { return y >= 4 && y < 12 && x >= 4 + 6 * z / gap && x < 12 + 6 * z / gap; }

    private static SparseScan scan(int gap) {
        Shape3 shape = new Shape3(NX, NY, gap + 1);
        Grid g = Grid.of(shape, Spacing.isotropic(1));
        int[] lab = new int[shape.voxels()];
        for (int z : new int[] {0, gap})
            for (int y = 0; y < NY; y++)
                for (int x = 0; x < NX; x++) if (inSquare(x, y, z, gap)) lab[shape.index(x, y, z)] = 1;
        float[] blank = new float[shape.voxels()];
        Arrays.fill(blank, 0.5f);
        return SparseScan.of(new Volume(g, blank), new LabelVolume(g, lab), null, SliceAxis.Z);
    }

    private static NeighbourFields opinion(SparseScan s) {
        RegistrarConfig rc = RegistrarConfig.of(new Refinement(60, null, 1.0), true, 2);
        return new FlowOpinionRegistrar(new NetworkRegistrar(null, rc).withAnnotations(s), s, Refinement.LONG_GAP_MM)
            .fields(s.image(), SliceAxis.Z, ProgressListener.NONE);
    }

    /** Dice of slice 0's square carried up through all the up fields against the last slice's square. */
    private static double carriedDice(NeighbourFields f, int gap) {
        float[] map = new float[NX * NY];
        for (int y = 0; y < NY; y++) for (int x = 0; x < NX; x++) map[y * NX + x] = inSquare(x, y, 0, gap) ? 1 : 0;
        for (DisplacementField up : f.up()) map = Warper.warp(map, up);
        double both = 0, sum = 0;
        for (int y = 0; y < NY; y++)
            for (int x = 0; x < NX; x++) {
                boolean carried = map[y * NX + x] > 0.5, target = inSquare(x, y, gap, gap);
                both += carried && target ? 1 : 0;
                sum += (carried ? 1 : 0) + (target ? 1 : 0);
            }
        return 2 * both / sum;
    }

    @Test
    void aLongGapGetsTheFlowRefinedUnderTheAnnotations() {
        SparseScan s = scan(24);
        NeighbourFields flow = FlowRegistrar.defaults().fields(s.image(), SliceAxis.Z, ProgressListener.NONE);
        assertThat(carriedDice(flow, 24)).as("plain flow on a blank image: the square stays").isLessThan(0.65);
        assertThat(carriedDice(opinion(s), 24)).as("refined on the 24 mm gap (24 bilinear warps blur it)").isGreaterThan(0.85);
    }

    @Test
    void aShortGapKeepsThePlainFlow() {
        SparseScan s = scan(6);
        NeighbourFields flow = FlowRegistrar.defaults().fields(s.image(), SliceAxis.Z, ProgressListener.NONE);
        NeighbourFields o = opinion(s);
        for (int i = 0; i < flow.up().size(); i++) {
            assertThat(o.up().get(i).dxArray()).isEqualTo(flow.up().get(i).dxArray());
            assertThat(o.down().get(i).dyArray()).isEqualTo(flow.down().get(i).dyArray());
        }
    }

    @Test
    void longGapsAreMeasuredInMillimetres() {
        boolean[] oneMm = FlowOpinionRegistrar.longGapPairs(new int[] {0, 10, 40}, 45, 1.0, 20);
        assertThat(oneMm[9]).isFalse();
        assertThat(oneMm[10]).isTrue();
        assertThat(oneMm[39]).isTrue();
        assertThat(oneMm[40]).isFalse();
        boolean[] threeMm = FlowOpinionRegistrar.longGapPairs(new int[] {0, 10, 40}, 45, 3.0, 20);
        assertThat(threeMm[0]).as("10 slices of 3 mm").isTrue();
        boolean[] exactly = FlowOpinionRegistrar.longGapPairs(new int[] {0, 4}, 8, 5.0, 20);
        assertThat(exactly[0]).as("20 mm is not longer than 20 mm").isFalse();
    }

    @Test
    void startingFieldsMustBeOnTheWorkingGrid() {
        SparseScan s = scan(6);
        RegistrarConfig rc = RegistrarConfig.of(new Refinement(2, null, 1.0), true, 2);
        NeighbourFields small = FlowRegistrar.defaults().fields(
            new Volume(Grid.of(new Shape3(12, 8, 7), Spacing.isotropic(1)), new float[12 * 8 * 7]), SliceAxis.Z, ProgressListener.NONE);
        assertThatThrownBy(() -> new NetworkRegistrar(null, rc).withAnnotations(s).refineFrom(s.image(), SliceAxis.Z, small, new boolean[6], ProgressListener.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("working grid");
    }
}
