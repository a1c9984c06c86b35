// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import org.labelprop.UserInputException;
import java.util.Arrays;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;

/** Helpers shared by the metrics: grid checks, slice restrictions and bounding boxes of one label. */
final class LabelMasks {
    private LabelMasks() { }

    /** Throws unless the predicted labels lie on the ground truth's grid (shape and affine). */
    static void requireSameGrid(LabelVolume predicted, LabelVolume truth) {
        requireSameGrid(predicted, "the predicted label volume", truth);
    }

    /** Throws unless {@code other} (named {@code what} in the message) lies on the ground truth's grid. */
    static void requireSameGrid(LabelVolume other, String what, LabelVolume truth) {
        if (!other.shape().equals(truth.shape()))
            throw new UserInputException(what + " has shape " + other.shape() + " but the ground truth has shape "
                + truth.shape() + "; they must match voxel for voxel");
        if (!truth.grid().sameSpace(other.grid()))
            throw new UserInputException(what + " has affine " + other.grid().affine() + " but the ground truth has "
                + truth.grid().affine() + "; they must be on the same grid");
    }

    /**
     * For each slice index along {@code axis}, whether it is kept: all slices when {@code slices} is null, else those
     * listed (each within range; duplicates allowed).
     */
    static boolean[] keptSlices(Shape3 shape, SliceAxis axis, int[] slices) {
        boolean[] keep = new boolean[shape.size(axis)];
        if (slices == null) { Arrays.fill(keep, true); return keep; }
        for (int s : slices) {
            if (s < 0 || s >= keep.length)
                throw new UserInputException("slice " + s + " along axis " + axis + " is outside 0.." + (keep.length - 1));
            keep[s] = true;
        }
        return keep;
    }

    /** Coordinate of voxel (x, y, z) along {@code axis}. */
    static int along(SliceAxis axis, int x, int y, int z) {
        return switch (axis) { case X -> x; case Y -> y; case Z -> z; };
    }

    /**
     * Inclusive bounding box {x0, y0, z0, x1, y1, z1} of the kept voxels holding {@code label} in either volume, or null
     * when there is none.
     */
    static int[] boundingBox(LabelVolume a, LabelVolume b, int label, SliceAxis axis, boolean[] keep) {
        Shape3 shape = a.shape();
        int[] da = a.array(), db = b.array();
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1, -1};
        for (int z = 0, i = 0; z < shape.nz(); z++)
            for (int y = 0; y < shape.ny(); y++)
                for (int x = 0; x < shape.nx(); x++, i++) {
                    if (da[i] != label && db[i] != label) continue;
                    if (!keep[along(axis, x, y, z)]) continue;
                    box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.min(box[2], z);
                    box[3] = Math.max(box[3], x); box[4] = Math.max(box[4], y); box[5] = Math.max(box[5], z);
                }
        return box[3] < 0 ? null : box;
    }
}
