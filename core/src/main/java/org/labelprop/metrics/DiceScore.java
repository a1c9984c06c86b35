// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;

/**
 * The Dice overlap of one label between a prediction P and a ground truth T: {@code 2 |P ∩ T| / (|P| + |T|)}, in [0, 1].
 * When both are empty the score is defined as 1.0 (nothing to find, nothing found) and {@link #bothEmpty()} says so, so a
 * report can tell a vacuous 1.0 from a real one.
 *
 * @param label            the label compared
 * @param predictedVoxels  |P|
 * @param truthVoxels      |T|
 * @param overlapVoxels    |P ∩ T|
 */
public record DiceScore(int label, long predictedVoxels, long truthVoxels, long overlapVoxels) {
    public DiceScore {
        if (predictedVoxels < 0 || truthVoxels < 0 || overlapVoxels < 0 || overlapVoxels > Math.min(predictedVoxels, truthVoxels))
            throw new IllegalArgumentException("voxel counts must satisfy 0 <= overlap <= min(predicted, truth), got overlap "
                + overlapVoxels + ", predicted " + predictedVoxels + ", truth " + truthVoxels);
    }

    /** Dice over the whole volumes. */
    public static DiceScore of(LabelVolume predicted, LabelVolume truth, int label) {
        return of(predicted, truth, label, SliceAxis.Z, null);
    }

    /**
     * Dice restricted to the listed slices along {@code axis} ({@code slices == null}: all slices).
     * @throws IllegalArgumentException when the grids differ or a slice is out of range
     */
    public static DiceScore of(LabelVolume predicted, LabelVolume truth, int label, SliceAxis axis, int[] slices) {
        LabelMasks.requireSameGrid(predicted, truth);
        Shape3 shape = truth.shape();
        boolean[] keep = LabelMasks.keptSlices(shape, axis, slices);
        int[] p = predicted.array(), t = truth.array();
        long np = 0, nt = 0, both = 0;
        for (int z = 0, i = 0; z < shape.nz(); z++)
            for (int y = 0; y < shape.ny(); y++)
                for (int x = 0; x < shape.nx(); x++, i++) {
                    boolean inP = p[i] == label, inT = t[i] == label;
                    if (!(inP || inT) || !keep[LabelMasks.along(axis, x, y, z)]) continue;
                    if (inP) np++;
                    if (inT) nt++;
                    if (inP && inT) both++;
                }
        return new DiceScore(label, np, nt, both);
    }

    /** Whether the label is absent from both volumes (then {@link #value()} is 1.0 by definition). */
    public boolean bothEmpty() { return predictedVoxels == 0 && truthVoxels == 0; }

    /** The Dice coefficient; 1.0 when both are empty. */
    public double value() {
        return bothEmpty() ? 1.0 : 2.0 * overlapVoxels / (predictedVoxels + truthVoxels);
    }
}
