// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

import org.labelprop.UserInputException;
import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.SliceGeometry;

/** Slice-level helpers shared by the interpolators: reading, writing and copying whole label slices. */
final class SliceMasks {
    private SliceMasks() { }

    /** The annotation of {@code sparse} along {@code axis}, refusing an empty one with a message saying why. */
    static AnnotatedSlices annotation(LabelVolume sparse, SliceAxis axis) {
        AnnotatedSlices a = AnnotatedSlices.of(sparse, axis);
        if (a.isEmpty())
            throw new UserInputException("the sparse label volume (" + sparse.shape() + ") has no non-zero voxel, so no slice"
                + " along axis " + axis + " is annotated; annotate at least one slice");
        return a;
    }

    /** Writes row-major {@code pixels} into slice {@code index} of the flat volume array {@code data}. */
    static void write(int[] data, Shape3 shape, SliceAxis axis, int index, int[] pixels) {
        SliceGeometry g = SliceGeometry.of(shape, axis, index);
        for (int v = 0, p = 0; v < g.height(); v++)
            for (int u = 0; u < g.width(); u++, p++) data[g.at(u, v)] = pixels[p];
    }

    /** Copies slice {@code from} of {@code src} onto slice {@code to} of {@code dst} (same shape). */
    static void copy(int[] src, int[] dst, Shape3 shape, SliceAxis axis, int from, int to) {
        SliceGeometry a = SliceGeometry.of(shape, axis, from), b = SliceGeometry.of(shape, axis, to);
        for (int v = 0; v < a.height(); v++)
            for (int u = 0; u < a.width(); u++) dst[b.at(u, v)] = src[a.at(u, v)];
    }
}
