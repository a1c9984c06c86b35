// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Arrays;
import java.util.Objects;
import java.util.SortedMap;
import org.labelprop.UserInputException;
import org.labelprop.field.DisplacementField;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceGeometry;
import org.labelprop.volume.Volume;

/**
 * Propagates a sparse annotation through neighbour fields and fuses both directions (the LabelProp inference). All labels
 * travel together as one soft multi-channel map (warped bilinearly, argmax at the end). For each pair of consecutive
 * annotated slices a &lt; b, slices a+1..b-1 get the up walk from a and the down walk from b, fused with
 * {@link PropagationOptions#weights()}. Annotated slices are complete: a label absent on one is evidence of absence, so a
 * label present at a and absent at b fades out between them, and a label annotated on one slice only is propagated from
 * it rather than dropped (the original tool silently dropped it). Beyond the first/last annotated slice labels travel one
 * way (weight 1) to the end of the volume with {@link PropagationOptions#extrapolate()}, else only as far as the farthest
 * hinted slice. Hints ({@link Hints}) are applied after every warp step before the walk continues; hints on annotated
 * slices are ignored (the annotation wins). When the fields carry a {@linkplain NeighbourFields#secondOpinion() second
 * opinion}, every walk also runs along its fields and the two soft maps are mixed slice by slice before fusion.
 * <p>
 * Memory beyond the inputs and the four output arrays: the up soft maps of the gap being fused, stored as per-label
 * bounding boxes (small next to the slice), plus for NCC fusion one warped source image per slice of that gap.
 * The fused labels are chosen by {@link FusedStack} (across-slice smoothing of the fused soft maps); each neighbour field
 * is smoothed by {@link PropagationOptions#fieldSmoothing()} when a walk takes it (every field is taken once, so no
 * smoothed copy of all fields is held: on a 512×512×100 scan one copy of the fields is 0.4 GB).
 */
public final class LabelPropagation {
    /** How many next-slice suggestions a result carries at most. */
    public static final int MAX_SUGGESTIONS = 10;

    private LabelPropagation() { }

    /**
     * @param progress receives stage {@link org.labelprop.progress.Stage#PROPAGATION}; cancellation is checked once per
     *                 slice step
     * @throws IllegalArgumentException when the fields do not fit the image
     * @throws org.labelprop.UserInputException when nothing is annotated
     */
    public static PropagationResult run(SparseScan scan, NeighbourFields fields, PropagationOptions options, ProgressListener progress) {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(options, "options");
        if (fields.axis() != scan.axis())
            throw new IllegalArgumentException("neighbour fields along " + fields.axis() + " for a propagation along " + scan.axis());
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        Volume image = scan.image();
        checkFields(image, fields);
        int n = image.shape().size(fields.axis());
        AnnotatedSlices ann = scan.slices();
        if (ann.isEmpty())
            throw new UserInputException("the annotation volume has no labelled voxel; annotate at least two slices completely");
        LabelVolume hints = scan.hintsOrNull() == null ? null : scan.hintsOrNull().volume();
        AnnotatedSlices hintSlices = hints == null ? null : AnnotatedSlices.of(hints, fields.axis());
        boolean[] hinted = new boolean[n];
        if (hintSlices != null) for (int s : hintSlices.slices()) hinted[s] = !ann.isAnnotated(s);

        SortedMap<Integer, LabelCoverage> status = scan.coverage();
        int[] channelLabels = status.keySet().stream().mapToInt(Integer::intValue).toArray();
        int[] channelOf = new int[LabelVolume.MAX_LABEL + 1];
        Arrays.fill(channelOf, -1);
        for (int c = 0; c < channelLabels.length; c++) channelOf[channelLabels[c]] = c;

        PropagationRun run = new PropagationRun(image, scan.annotation(), ann, hints, hinted, fields,
            channelLabels, channelOf, options, listener);
        int[] s = ann.slices();
        int first = s[0], last = s[s.length - 1];
        int below = options.extrapolate() ? 0 : firstHinted(hinted, first);
        int above = options.extrapolate() ? n - 1 : lastHinted(hinted, last);
        long steps = (first - below) + (above - last);
        for (int j = 0; j + 1 < s.length; j++) steps += 2L * (s[j + 1] - s[j] - 1);
        run.expectSteps(steps);
        for (int a : s) run.keepAnnotation(a);
        if (below < first) run.tail(first, below);
        run.flush(first);
        for (int j = 0; j + 1 < s.length; j++) {
            if (s[j + 1] - s[j] > 1) run.gap(s[j], s[j + 1]);
            run.flush(s[j + 1]);
        }
        if (above > last) run.tail(last, above);
        run.flush(n - 1);

        return new PropagationResult(new LabelVolume(image.grid(), run.fused), new LabelVolume(image.grid(), run.up),
            new LabelVolume(image.grid(), run.down), new Volume(image.grid(), run.uncertainty), status,
            Suggestions.rank(run.sliceUncertainty, s, MAX_SUGGESTIONS, image.grid().spacing().sliceArea(scan.axis()), run.disagreements));
    }

    /**
     * Registers every neighbouring slice pair along the scan's axis with {@code registrar} (progress of that stage comes
     * from the registrar), then propagates as {@link #run(SparseScan, NeighbourFields, PropagationOptions, ProgressListener)}.
     */
    public static PropagationResult run(SparseScan scan, SliceRegistrar registrar, PropagationOptions options, ProgressListener progress) {
        Objects.requireNonNull(registrar, "registrar");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        return run(scan, registrar.fields(scan.image(), scan.axis(), listener), options, listener);
    }

    /** Lowest hinted slice below {@code first}, or {@code first} when there is none. */
    private static int firstHinted(boolean[] hinted, int first) {
        for (int i = 0; i < first; i++) if (hinted[i]) return i;
        return first;
    }

    /** Highest hinted slice above {@code last}, or {@code last} when there is none. */
    private static int lastHinted(boolean[] hinted, int last) {
        for (int i = hinted.length - 1; i > last; i--) if (hinted[i]) return i;
        return last;
    }

    private static void checkFields(Volume image, NeighbourFields fields) {
        if (fields.secondOpinion() != null) checkFields(image, fields.secondOpinion());
        int n = image.shape().size(fields.axis());
        if (fields.slices() != n)
            throw new IllegalArgumentException("neighbour fields cover " + fields.slices() + " slices along axis " + fields.axis()
                + " but the image has " + n + " there");
        SliceGeometry g = SliceGeometry.of(image.shape(), fields.axis(), 0);
        for (int i = 0; i < n - 1; i++)
            for (DisplacementField f : new DisplacementField[] {fields.up().get(i), fields.down().get(i)})
                if (f.height() != g.height() || f.width() != g.width())
                    throw new IllegalArgumentException("neighbour field " + i + " is " + f.height() + "x" + f.width()
                        + " but slices along axis " + fields.axis() + " are " + g.height() + "x" + g.width() + " (rows x columns)");
    }
}
