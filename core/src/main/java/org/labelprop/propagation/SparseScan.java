// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Objects;
import java.util.SortedMap;
import org.labelprop.UserInputException;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * What every method starts from: the scan, its sparse annotation (complete masks on a few slices), optional hints, and
 * the annotated slices along the propagation axis, found by one scan of the annotation.
 *
 * @param image       the scan
 * @param annotation  complete annotations on a few slices along the axis (0 elsewhere), on the image grid
 * @param hintsOrNull scribbles on the image grid, or null
 * @param slices      the annotated slices along the propagation axis and the labels on each
 */
public record SparseScan(Volume image, LabelVolume annotation, Hints hintsOrNull, AnnotatedSlices slices) {
    public SparseScan {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(slices, "slices");
    }

    /**
     * Checks that the volumes lie on the image grid and that something is annotated, and finds the annotated slices.
     *
     * @throws UserInputException when a volume is off the image grid or the annotation is empty
     */
    public static SparseScan of(Volume image, LabelVolume annotation, Hints hintsOrNull, SliceAxis axis) {
        checkGrid(image, annotation, "annotation volume");
        if (hintsOrNull != null) checkGrid(image, hintsOrNull.volume(), "hint volume");
        AnnotatedSlices slices = AnnotatedSlices.of(annotation, axis);
        if (slices.isEmpty() && (hintsOrNull == null || hintsOrNull.labels().length == 0))
            throw new UserInputException("the annotation volume has no labelled voxel; annotate at least one slice completely");
        return new SparseScan(image, annotation, hintsOrNull, slices);
    }

    /** The propagation axis. */
    public SliceAxis axis() { return slices.axis(); }

    /** The coverage of every annotated or hinted label. */
    public SortedMap<Integer, LabelCoverage> coverage() { return LabelCoverage.of(slices, hintsOrNull); }

    private static void checkGrid(Volume image, LabelVolume labels, String what) {
        String why = image.grid().mismatch(labels.grid(), what);
        if (why != null) throw new UserInputException(why);
    }
}
