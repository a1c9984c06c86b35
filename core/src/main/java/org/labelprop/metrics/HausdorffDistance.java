// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import java.util.Arrays;
import org.labelprop.classical.DistanceTransform;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;

/**
 * The 95th-percentile symmetric surface distance (HD95) of one label between a prediction P and a ground truth T, in mm.
 * <p>
 * Definition. The surface of a mask is its voxels having at least one of their 6 face neighbours outside the mask; a
 * neighbour beyond the evaluated (sub-)volume counts as outside. For every surface voxel of P take the Euclidean distance
 * (voxel centres, grid spacing, mm) to the nearest surface voxel of T, and for every surface voxel of T the distance to the
 * nearest of P; pool the two lists and take the 95th percentile with linear interpolation between order statistics
 * (numpy's default: rank {@code 0.95 (n - 1)}), as medpy's {@code hd95}. {@link #maxMm()} is the plain Hausdorff
 * distance (the largest pooled value).
 * <p>
 * Restricted to a set of slices, the metric is computed on that sub-volume: voxels on other slices are outside both masks,
 * so the cut faces are surface, as for a cropped volume; distances still use the true positions. Conventions: both masks
 * empty gives 0 ({@link #bothEmpty()}), exactly one empty gives {@link Double#POSITIVE_INFINITY} ({@link #infinite()}).
 * <p>
 * Cost: one exact 3-D distance transform ({@link DistanceTransform#squared3d}) per mask on the bounding box of P ∪ T.
 *
 * @param label                   the label compared
 * @param hd95Mm                  95th percentile of the pooled surface distances (mm)
 * @param maxMm                   largest pooled surface distance (mm)
 * @param predictedSurfaceVoxels  number of surface voxels of P
 * @param truthSurfaceVoxels      number of surface voxels of T
 */
public record HausdorffDistance(int label, double hd95Mm, double maxMm, int predictedSurfaceVoxels, int truthSurfaceVoxels) {
    public HausdorffDistance {
        if (!(hd95Mm >= 0) || !(maxMm >= hd95Mm))
            throw new IllegalArgumentException("need 0 <= hd95 <= max, got hd95 " + hd95Mm + " mm and max " + maxMm + " mm");
        if (predictedSurfaceVoxels < 0 || truthSurfaceVoxels < 0)
            throw new IllegalArgumentException("surface voxel counts must be >= 0, got " + predictedSurfaceVoxels + " and " + truthSurfaceVoxels);
    }

    /** HD95 over the whole volumes. */
    public static HausdorffDistance hd95(LabelVolume predicted, LabelVolume truth, int label) {
        return hd95(predicted, truth, label, SliceAxis.Z, null);
    }

    /** HD95 on the sub-volume of the listed slices along {@code axis} ({@code slices == null}: all slices). */
    public static HausdorffDistance hd95(LabelVolume predicted, LabelVolume truth, int label, SliceAxis axis, int[] slices) {
        LabelMasks.requireSameGrid(predicted, truth);
        boolean[] keep = LabelMasks.keptSlices(truth.shape(), axis, slices);
        int[] box = LabelMasks.boundingBox(predicted, truth, label, axis, keep);
        if (box == null) return new HausdorffDistance(label, 0, 0, 0, 0);
        Shape3 crop = new Shape3(box[3] - box[0] + 1, box[4] - box[1] + 1, box[5] - box[2] + 1);
        boolean[] p = cropMask(predicted, label, axis, keep, box, crop);
        boolean[] t = cropMask(truth, label, axis, keep, box, crop);
        boolean[] sp = surface(p, crop), st = surface(t, crop);
        int np = count(sp), nt = count(st);
        if (np == 0 || nt == 0)
            return new HausdorffDistance(label, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, np, nt);
        double[] toT = DistanceTransform.squared3d(st, crop, truth.grid().spacing());
        double[] toP = DistanceTransform.squared3d(sp, crop, truth.grid().spacing());
        double[] pooled = new double[np + nt];
        int k = 0;
        for (int i = 0; i < sp.length; i++) {
            if (sp[i]) pooled[k++] = Math.sqrt(toT[i]);
            if (st[i]) pooled[k++] = Math.sqrt(toP[i]);
        }
        Arrays.sort(pooled);
        return new HausdorffDistance(label, percentile(pooled, 0.95), pooled[pooled.length - 1], np, nt);
    }

    /** Whether neither mask has a voxel (then the distance is 0 by definition). */
    public boolean bothEmpty() { return predictedSurfaceVoxels == 0 && truthSurfaceVoxels == 0; }

    /** Whether exactly one mask is empty, so the distance is infinite. */
    public boolean infinite() { return Double.isInfinite(hd95Mm); }

    /** Linear-interpolation percentile of ascending {@code sorted} values at fraction {@code q}, as numpy's default. */
    static double percentile(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int lo = (int) Math.floor(rank), hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    private static boolean[] cropMask(LabelVolume v, int label, SliceAxis axis, boolean[] keep, int[] box, Shape3 crop) {
        boolean[] m = new boolean[crop.voxels()];
        Shape3 shape = v.shape();
        int[] data = v.array();
        for (int z = box[2], i = 0; z <= box[5]; z++)
            for (int y = box[1]; y <= box[4]; y++) {
                int row = shape.index(0, y, z);
                for (int x = box[0]; x <= box[3]; x++, i++)
                    m[i] = data[row + x] == label && keep[LabelMasks.along(axis, x, y, z)];
            }
        return m;
    }

    /** Mask voxels with a 6-neighbour outside the mask or beyond the grid. */
    private static boolean[] surface(boolean[] m, Shape3 s) {
        int nx = s.nx(), ny = s.ny(), nz = s.nz(), sy = nx, sz = nx * ny;
        boolean[] out = new boolean[m.length];
        for (int z = 0, i = 0; z < nz; z++)
            for (int y = 0; y < ny; y++)
                for (int x = 0; x < nx; x++, i++)
                    out[i] = m[i] && (x == 0 || !m[i - 1] || x == nx - 1 || !m[i + 1]
                        || y == 0 || !m[i - sy] || y == ny - 1 || !m[i + sy]
                        || z == 0 || !m[i - sz] || z == nz - 1 || !m[i + sz]);
        return out;
    }

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) if (b) n++;
        return n;
    }
}
