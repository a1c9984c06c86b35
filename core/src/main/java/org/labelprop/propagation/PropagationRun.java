// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import org.labelprop.field.DisplacementField;
import org.labelprop.field.Gaussian;
import org.labelprop.fusion.FusionContext;
import org.labelprop.fusion.FusionWeights;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.SliceGeometry;
import org.labelprop.volume.Volume;

/**
 * The state of one {@link LabelPropagation#run}: inputs, channel mapping, the output arrays, and the walks over one gap
 * between annotated slices (both ways, fused slice by slice) or one tail beyond them (one way). Only the up soft maps of
 * the current gap and the fused maps the {@link FusedStack} still needs are held; up, down and uncertainty go straight
 * into their arrays, fused labels when the stack releases them. Gaps and tails must come in increasing slice order
 * (the tail below first), each followed by {@link #flush}.
 */
final class PropagationRun {
    final Volume image;
    final LabelVolume sparse;
    final LabelVolume hints;
    final boolean[] hinted;
    final NeighbourFields fields;
    final SliceAxis axis;
    final int height;
    final int width;
    final int[] channelLabels;
    final int[] channelOf;
    final PropagationOptions options;
    final FusionWeights weights;
    final ProgressListener progress;
    final int[] fused, up, down;
    final float[] uncertainty;
    final double[] sliceUncertainty;
    /** Per slice and label, where the two directions disagree (slices between annotated ones only). */
    final Disagreements disagreements;
    private final SliceFusion fusion;
    private final FusedStack stack;
    private long done;
    private long total;

    PropagationRun(Volume image, LabelVolume sparse, AnnotatedSlices ann, LabelVolume hints, boolean[] hinted, NeighbourFields fields,
                   int[] channelLabels, int[] channelOf, PropagationOptions options, ProgressListener progress) {
        this.image = image;
        this.sparse = sparse;
        this.hints = hints;
        this.hinted = hinted;
        this.fields = fields;
        this.axis = fields.axis();
        SliceGeometry g = SliceGeometry.of(image.shape(), axis, 0);
        this.height = g.height();
        this.width = g.width();
        this.channelLabels = channelLabels;
        this.channelOf = channelOf;
        this.options = options;
        this.weights = options.weights();
        this.progress = progress;
        int n = image.shape().voxels();
        fused = new int[n]; up = new int[n]; down = new int[n];
        uncertainty = new float[n];
        sliceUncertainty = new double[image.shape().size(axis)];
        disagreements = new Disagreements(sliceUncertainty.length, channelLabels, channelOf);
        this.fusion = new SliceFusion(height, width, channelLabels, new LabelRule(options));
        boolean[] annotated = new boolean[sliceUncertainty.length];
        for (int s : ann.slices()) annotated[s] = true;
        stack = new FusedStack(options.sliceKernel(), annotated.length, height, width, channelLabels, new LabelRule(options), annotated, this::oneHot,
            s -> hinted[s] ? hints.slice(axis, s).toArray() : null,
            options.intensityPrior() > 0 ? new IntensityPriors(image, sparse, axis, ann.slices(), channelOf, channelLabels.length, options.intensityPrior()) : null);
    }

    void expectSteps(long steps) { total = Math.max(1, steps); }

    /** Copies annotated slice {@code s} into the three label outputs (uncertainty stays 0). */
    void keepAnnotation(int s) {
        int[] a = sparse.slice(axis, s).toArray();
        write(s, a, a, null);
        writeFused(s, a);
    }

    /** Slices a+1..b-1 between annotated slices a < b: up from a, down from b, fused per slice. */
    void gap(int a, int b) {
        boolean images = weights.needsImages(a, b);
        Walk upWalk = new Walk(a, true, images);
        SoftLabels[] ups = new SoftLabels[b - a];
        float[][] upImages = new float[b - a][];
        for (int i = a + 1; i < b; i++) {
            upWalk.stepTo(i);
            ups[i - a] = upWalk.labels();
            upImages[i - a] = upWalk.warpedSourceImage();
        }
        Walk downWalk = new Walk(b, false, images);
        for (int i = b - 1; i > a; i--) {
            downWalk.stepTo(i);
            float[] w = weights.upWeights(new FusionContext(i, a, b, height, width, images ? imageSlice(i) : null,
                upImages[i - a], downWalk.warpedSourceImage()));
            fusion.fuse(ups[i - a], downWalk.labels(), w);
            writeFusion(i);
            disagreements.record(i, fusion.up(), fusion.down());
            stack.put(i, fusion.fusedMap());
            ups[i - a] = null;
            upImages[i - a] = null;
        }
    }

    /** One-way propagation from annotated slice {@code source} to slice {@code end} (inclusive), weight 1. */
    void tail(int source, int end) {
        boolean upward = end > source;
        Walk walk = new Walk(source, upward, false);
        for (int i = upward ? source + 1 : source - 1; upward ? i <= end : i >= end; i += upward ? 1 : -1) {
            walk.stepTo(i);
            SoftLabels l = walk.labels();
            fusion.fuse(upward ? l : null, upward ? null : l, null);
            writeFusion(i);
            stack.put(i, fusion.fusedMap());
        }
    }

    /**
     * One walk from an annotated slice, one way: a {@link Chain} along the fields and, when they carry a second opinion,
     * another along its fields (same hints), the two soft maps mixed by its share. The source image, when asked for, is
     * carried by the main fields only.
     */
    private final class Walk {
        private final boolean upward;
        private final Chain main;
        private final Chain other;

        Walk(int source, boolean upward, boolean images) {
            this.upward = upward;
            main = new Chain(oneHot(source), images ? imageSlice(source) : null, options.warp(), channelOf);
            other = fields.secondOpinion() == null ? null : new Chain(oneHot(source), null, options.warp(), channelOf);
        }

        /** Moves to {@code slice}, the next one in this walk's direction. */
        void stepTo(int slice) {
            ProgressListener.checkCancelled();
            int[] h = hinted[slice] ? hints.slice(axis, slice).toArray() : null;
            main.step(field(fields, slice), h);
            if (other != null) other.step(field(fields.secondOpinion(), slice), h);
            progress.update(Stage.PROPAGATION, ++done, total);
        }

        /** The field from the previous slice of this walk to {@code slice}, smoothed as the options ask. */
        private DisplacementField field(NeighbourFields f, int slice) {
            return Gaussian.smooth(upward ? f.up().get(slice - 1) : f.down().get(slice), options.fieldSmoothing());
        }

        SoftLabels labels() {
            return other == null ? main.labels() : main.labels().mix(other.labels(), fields.secondShare());
        }

        float[] warpedSourceImage() { return main.warpedSourceImage(); }
    }

    private SoftLabels oneHot(int s) {
        return SoftLabels.oneHot(sparse.slice(axis, s).toArray(), height, width, channelOf, channelLabels.length);
    }

    private float[] imageSlice(int s) { return image.slice(axis, s).toArray(); }

    /** Labels the fused slices whose across-slice window lies within slices {@code 0..knownUpTo}. */
    void flush(int knownUpTo) {
        stack.flush(knownUpTo, this::writeFused);
    }

    private void writeFusion(int s) {
        write(s, fusion.up(), fusion.down(), fusion.uncertainty());
    }

    private void write(int s, int[] u, int[] d, float[] unc) {
        SliceGeometry g = SliceGeometry.of(image.shape(), axis, s);
        double sum = 0;
        for (int v = 0, p = 0; v < height; v++)
            for (int x = 0; x < width; x++, p++) {
                int i = g.at(x, v);
                up[i] = u[p]; down[i] = d[p];
                if (unc != null) { uncertainty[i] = unc[p]; sum += unc[p]; }
            }
        sliceUncertainty[s] = sum;
    }

    private void writeFused(int s, int[] f) {
        SliceGeometry g = SliceGeometry.of(image.shape(), axis, s);
        for (int v = 0, p = 0; v < height; v++)
            for (int x = 0; x < width; x++, p++) fused[g.at(x, v)] = f[p];
    }
}
