// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.labelprop.volume.Affine;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;

/**
 * Picks structures out of an atlas: chosen atlas labels renumbered 1..K in the order given, optionally only in the right
 * hemisphere (voxels whose world x, from the affine in RAS+ as NIfTI defines it, is positive), and the atlas labels
 * largest there.
 */
public final class AtlasSelection {
    private AtlasSelection() { }

    /** Which voxels count. */
    public enum Side { BOTH, RIGHT }

    /**
     * A label volume on the atlas grid: atlas label {@code atlasLabels[k]} becomes k + 1 (on {@code side}), the rest 0.
     * @throws IllegalArgumentException when a listed label occurs nowhere there, or is listed twice
     */
    public static LabelVolume renumber(LabelVolume atlas, int[] atlasLabels, Side side) {
        int[] map = new int[LabelVolume.MAX_LABEL + 1];
        for (int k = 0; k < atlasLabels.length; k++) {
            if (map[atlasLabels[k]] != 0) throw new IllegalArgumentException("atlas label " + atlasLabels[k] + " is listed twice");
            map[atlasLabels[k]] = k + 1;
        }
        boolean[] keep = side(atlas, side);
        int[] src = atlas.array(), out = new int[src.length];
        long[] found = new long[atlasLabels.length + 1];
        for (int i = 0; i < src.length; i++)
            if (keep[i] && map[src[i]] != 0) { out[i] = map[src[i]]; found[out[i]]++; }
        for (int k = 0; k < atlasLabels.length; k++)
            if (found[k + 1] == 0)
                throw new IllegalArgumentException("atlas label " + atlasLabels[k] + " has no voxel" + (side == Side.RIGHT ? " in the right hemisphere" : ""));
        return new LabelVolume(atlas.grid(), out);
    }

    /** The {@code count} atlas labels (not 0) with most voxels on {@code side}, ascending by label value; ties by value. */
    public static int[] largest(LabelVolume atlas, int count, Side side) {
        boolean[] keep = side(atlas, side);
        long[] voxels = new long[LabelVolume.MAX_LABEL + 1];
        int[] src = atlas.array();
        for (int i = 0; i < src.length; i++) if (keep[i] && src[i] != 0) voxels[src[i]]++;
        int[] top = IntStream.rangeClosed(1, LabelVolume.MAX_LABEL).filter(l -> voxels[l] > 0).boxed()
            .sorted(Comparator.<Integer>comparingLong(l -> -voxels[l]).thenComparing(l -> l))
            .limit(count).mapToInt(Integer::intValue).toArray();
        if (top.length < count)
            throw new IllegalArgumentException("the atlas has " + top.length + " labels" + (side == Side.RIGHT ? " in the right hemisphere" : "")
                + ", " + count + " were asked for");
        Arrays.sort(top);
        return top;
    }

    /** Per voxel, whether it lies on {@code side}. */
    static boolean[] side(LabelVolume atlas, Side side) {
        Shape3 s = atlas.shape();
        boolean[] keep = new boolean[s.voxels()];
        if (side == Side.BOTH) { Arrays.fill(keep, true); return keep; }
        Affine a = atlas.grid().affine();
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) keep[s.index(x, y, z)] = a.apply(x, y, z)[0] > 0;
        return keep;
    }
}
