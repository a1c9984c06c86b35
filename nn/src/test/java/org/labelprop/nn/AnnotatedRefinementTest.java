// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.labelprop.field.DisplacementField;
import org.labelprop.field.Warper;
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
 * The annotations' constraint moves the fields where the image cannot: on a blank image, a square of 8 pixels annotated
 * on slices 0 and 6, shifted by 3 pixels between them, is carried onto its second position only when refinement is
 * constrained.
 */
class AnnotatedRefinementTest {
    private static final Shape3 SHAPE = new Shape3(24, 16, 7);

    private static boolean inSquare(int x, int y, int z) { return y >= 4 && y < 12 && x >= 4 + z / 2 && x < 12 + z / 2; }

    private static SparseScan scan() {
        Grid g = Grid.of(SHAPE, Spacing.isotropic(1));
        int[] lab = new int[SHAPE.voxels()];
        for (int z : new int[] {0, 6})
            for (int y = 0; y < SHAPE.ny(); y++)
                for (int x = 0; x < SHAPE.nx(); x++) if (inSquare(x, y, z)) lab[SHAPE.index(x, y, z)] = 1;
        float[] blank = new float[SHAPE.voxels()];
        java.util.Arrays.fill(blank, 0.5f);
        return SparseScan.of(new Volume(g, blank), new LabelVolume(g, lab), null, SliceAxis.Z);
    }

    /** Dice of slice 0's square carried up through the six up fields against slice 6's square. */
    private static double carriedDice(double weight) { return carriedDice(weight, NetworkRegistrar.MAX_SIDE); }

    private static double carriedDice(double weight, int maxSide) {
        SparseScan s = scan();
        RegistrarConfig rc = RegistrarConfig.of(new Refinement(60, null, weight), true, 2);
        NeighbourFields f = new NetworkRegistrar(null, rc).withMaxSide(maxSide).withAnnotations(s).fields(s.image(), SliceAxis.Z, ProgressListener.NONE);
        float[] map = new float[SHAPE.nx() * SHAPE.ny()];
        for (int y = 0; y < SHAPE.ny(); y++) for (int x = 0; x < SHAPE.nx(); x++) map[y * SHAPE.nx() + x] = inSquare(x, y, 0) ? 1 : 0;
        for (DisplacementField up : f.up()) map = Warper.warp(map, up);
        double both = 0, sum = 0;
        for (int y = 0; y < SHAPE.ny(); y++)
            for (int x = 0; x < SHAPE.nx(); x++) {
                boolean carried = map[y * SHAPE.nx() + x] > 0.5, target = inSquare(x, y, 6);
                both += carried && target ? 1 : 0;
                sum += (carried ? 1 : 0) + (target ? 1 : 0);
            }
        return 2 * both / sum;
    }

    @Test
    void theConstraintCarriesTheAnnotationOntoTheNextOne() {
        double unconstrained = carriedDice(0), constrained = carriedDice(1);
        assertThat(unconstrained).as("blank image, no constraint: the square stays where it was").isLessThan(0.65);
        assertThat(constrained).as("constrained by the annotations").isGreaterThan(0.9);
    }

    @Test
    void onAHalfSizeWorkingGridTheFieldsStillCarryTheAnnotation() {
        // 16 x 24 slices registered on 11 x 16 and brought back
        assertThat(carriedDice(1, 16)).isGreaterThan(0.8);
        assertThat(carriedDice(0, 16)).isLessThan(0.65);
    }
}
