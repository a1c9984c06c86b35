// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.Map;
import org.labelprop.bench.AtlasSelection.Side;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The benchmark case on real MR data: the Colin27 T1 scan ({@code ch2.nii.gz}) with the AAL atlas drawn on it
 * ({@code aal.nii.gz}, Debian package mricron-data). AAL labels 71–78, 37, 38, 41, 42 (caudate, putamen, pallidum,
 * thalamus left/right; hippocampus L/R; amygdala L/R) become 1..12 in that order; the volume is cropped to their bounding
 * box plus 6 voxels; propagation along array axis 2 (axial). Protocols: "3 slices" at 10, 50 and 90 % of the extent of
 * all structures along the axis (rounded), "every 10th" every 10th slice over that extent, centred.
 * On the files of mricron-data 1.2.20211006 the crop is 94x82x68 with slices 12, 34, 56 and 8, 18, ..., 58.
 * The development suite's first case is this one with the '3 per structure' protocol added ({@link DevelopmentSuite}).
 */
public final class AalDeepGreyMatter {
    public static final int[] AAL_LABELS = {71, 72, 73, 74, 75, 76, 77, 78, 37, 38, 41, 42};
    public static final int MARGIN = StructureCrop.MARGIN;
    public static final String THREE_SLICES = Protocols.THREE_SLICES;
    public static final String EVERY_TENTH = "every 10th";

    private AalDeepGreyMatter() { }

    public static BenchmarkCase build(Volume ch2, LabelVolume aal) {
        String m = ch2.grid().mismatch(aal.grid(), "AAL atlas");
        if (m != null) throw new IllegalArgumentException(m);
        StructureCrop c = StructureCrop.of(ch2, AtlasSelection.renumber(aal, AAL_LABELS, Side.BOTH), MARGIN);
        int[][] extents = Protocols.extents(c.labels(), SliceAxis.Z);
        int first = Integer.MAX_VALUE, last = -1;
        for (int[] e : extents) if (e != null) { first = Math.min(first, e[0]); last = Math.max(last, e[1]); }
        return new BenchmarkCase("ch2 + AAL deep grey matter", c.image(), c.labels(), SliceAxis.Z, protocols(first, last));
    }

    /** The two protocols over the extent [first, last] of the structures along the axis. */
    static Map<String, int[]> protocols(int first, int last) {
        return Protocols.overExtent(first, last, 10);
    }
}
