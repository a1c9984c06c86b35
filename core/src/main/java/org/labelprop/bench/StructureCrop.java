// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/**
 * An image and its structures cropped to the structures' bounding box plus a margin (clipped to the volume), both on
 * the cropped grid.
 *
 * @param from  the first voxel of the crop in the source volume (x, y, z)
 */
public record StructureCrop(Volume image, LabelVolume labels, int[] from) {
    /** The margin of every suite case, voxels. */
    public static final int MARGIN = 6;

    public StructureCrop {
        String m = image.grid().mismatch(labels.grid(), "label volume");
        if (m != null) throw new IllegalArgumentException(m);
        from = from.clone();
    }

    /** Crops {@code image} and {@code labels} (same grid) to the box of the non-zero labels plus {@code margin} voxels. */
    public static StructureCrop of(Volume image, LabelVolume labels, int margin) {
        String m = image.grid().mismatch(labels.grid(), "label volume");
        if (m != null) throw new IllegalArgumentException(m);
        if (margin < 0) throw new IllegalArgumentException("margin must not be negative, got " + margin);
        Shape3 s = labels.shape();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, hi = {-1, -1, -1};
        int[] src = labels.array();
        for (int z = 0, i = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++, i++) {
                    if (src[i] == 0) continue;
                    lo[0] = Math.min(lo[0], x); hi[0] = Math.max(hi[0], x);
                    lo[1] = Math.min(lo[1], y); hi[1] = Math.max(hi[1], y);
                    lo[2] = Math.min(lo[2], z); hi[2] = Math.max(hi[2], z);
                }
        if (hi[0] < 0) throw new IllegalArgumentException("the label volume has no structure to crop to");
        int[] from = new int[3], size = new int[3];
        for (int a = 0; a < 3; a++) {
            from[a] = Math.max(0, lo[a] - margin);
            size[a] = Math.min(s.size(a) - 1, hi[a] + margin) - from[a] + 1;
        }
        Shape3 crop = new Shape3(size[0], size[1], size[2]);
        Volume img = image.crop(from[0], from[1], from[2], crop);
        LabelVolume lab = labels.crop(from[0], from[1], from[2], crop);
        return new StructureCrop(img, new LabelVolume(img.grid(), lab.array()), from);
    }
}
