// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The benchmark case on real MR data: the Colin27 T1 scan ({@code ch2.nii.gz}) with the AAL atlas drawn on it
 * ({@code aal.nii.gz}, Debian package mricron-data). AAL labels 71–78, 37, 38, 41, 42 (caudate, putamen, pallidum,
 * thalamus left/right; hippocampus L/R; amygdala L/R) become 1..12 in that order; the volume is cropped to their bounding
 * box plus 6 voxels; propagation along array axis 2 (axial). Protocols: "3 slices" at 10, 50 and 90 % of the extent of
 * all structures along the axis (rounded), "every 10th" every 10th slice over that extent, centred.
 * On the files of mricron-data 1.2.20211006 the crop is 94x82x68 with slices 12, 34, 56 and 8, 18, ..., 58.
 */
public final class AalDeepGreyMatter {
    public static final int[] AAL_LABELS = {71, 72, 73, 74, 75, 76, 77, 78, 37, 38, 41, 42};
    public static final int MARGIN = 6;
    public static final String THREE_SLICES = "3 slices";
    public static final String EVERY_TENTH = "every 10th";

    private AalDeepGreyMatter() { }

    public static BenchmarkCase build(Volume ch2, LabelVolume aal) {
        String m = ch2.grid().mismatch(aal.grid(), "AAL atlas");
        if (m != null) throw new IllegalArgumentException(m);
        Shape3 s = aal.shape();
        int[] map = new int[LabelVolume.MAX_LABEL + 1];
        for (int i = 0; i < AAL_LABELS.length; i++) map[AAL_LABELS[i]] = i + 1;
        int[] src = aal.array();
        int[] relabelled = new int[src.length];
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    int i = s.index(x, y, z);
                    int l = map[src[i]];
                    if (l == 0) continue;
                    relabelled[i] = l;
                    int[] p = {x, y, z};
                    for (int a = 0; a < 3; a++) { lo[a] = Math.min(lo[a], p[a]); hi[a] = Math.max(hi[a], p[a]); }
                }
        if (hi[0] < 0) throw new IllegalArgumentException("the atlas holds none of the AAL labels " + java.util.Arrays.toString(AAL_LABELS));
        int[] from = new int[3];
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            from[a] = Math.max(0, lo[a] - MARGIN);
            size[a] = Math.min(s.size(a) - 1, hi[a] + MARGIN) - from[a] + 1;
        }
        Shape3 crop = new Shape3(size[0], size[1], size[2]);
        Volume image = ch2.crop(from[0], from[1], from[2], crop);
        LabelVolume truth = new LabelVolume(aal.grid(), relabelled).crop(from[0], from[1], from[2], crop);
        truth = new LabelVolume(image.grid(), truth.array());
        int first = lo[2] - from[2];
        int last = hi[2] - from[2];
        return new BenchmarkCase("ch2 + AAL deep grey matter", image, truth, SliceAxis.Z, protocols(first, last));
    }

    /** The two protocols over the extent [first, last] of the structures along the axis. */
    static Map<String, int[]> protocols(int first, int last) {
        int extent = last - first;
        int[] three = {first + (int) Math.round(0.1 * extent), first + (int) Math.round(0.5 * extent), first + (int) Math.round(0.9 * extent)};
        int count = extent / 10 + 1;
        int start = first + (extent - (count - 1) * 10) / 2;
        int[] tenth = new int[count];
        for (int i = 0; i < count; i++) tenth[i] = start + 10 * i;
        Map<String, int[]> p = new LinkedHashMap<>();
        p.put(THREE_SLICES, three);
        p.put(EVERY_TENTH, tenth);
        return p;
    }
}
