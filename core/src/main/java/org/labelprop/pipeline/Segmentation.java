// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.io.IOException;
import java.util.Objects;
import org.labelprop.UserInputException;
import org.labelprop.classical.InterpolationOptions;
import org.labelprop.classical.NearestSliceInterpolation;
import org.labelprop.classical.ShapeInterpolation;
import org.labelprop.classical.SliceInterpolator;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;
import org.labelprop.propagation.LabelPropagation;
import org.labelprop.propagation.PropagationResult;
import org.labelprop.propagation.SparseScan;
import org.labelprop.propagation.SuggestionReport;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

/**
 * The one way a segmentation runs, whichever front end asked for it: resolve the axis, check the inputs, then for the
 * image-blind methods interpolate; for optical flow compute the neighbour fields by TV-L1; for the deep method prepare
 * the network (train it on the scan when asked) and compute and refine the neighbour fields; then propagate both ways
 * and fuse. Writing the outputs is
 * {@link SegmentationWriter}'s job.
 */
public final class Segmentation {
    /** At most this many next-slice suggestions. */
    public static final int MAX_SUGGESTIONS = LabelPropagation.MAX_SUGGESTIONS;

    private Segmentation() { }

    /**
     * @param engine   the deep method's engine (may be null when the request's method does not register slices)
     * @param progress stages in the order of {@link Stage}; cancellation by interrupting the calling thread
     * @throws UserInputException when the inputs do not fit together or the request cannot apply to them
     * @throws IOException        when stored weights cannot be read
     */
    public static SegmentationResult run(SegmentationRequest request, SegmentationInputs inputs, DeepEngine engine,
                                         ProgressListener progress) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(inputs, "inputs");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        long start = System.nanoTime();
        SliceAxis axis = AxisNames.resolve(request.axis(), inputs.image().grid());
        SparseScan scan = SparseScan.of(inputs.image(), inputs.annotation(), inputs.hintsOrNull(), axis);
        if (!request.method().registers()) {
            if (inputs.hintsOrNull() != null)
                throw new UserInputException("hints", "scribbles (hints) apply to the deep method only, got method "
                    + request.method().key());
            LabelVolume fused = interpolator(request).interpolate(scan.annotation(), axis,
                new InterpolationOptions(request.inference().extrapolate()));
            return new SegmentationResult(request.method(), fused, null, null, null,
                SuggestionReport.largestGaps(scan, MAX_SUGGESTIONS), null, seconds(start));
        }
        if (request.method() == Method.FLOW) {
            PropagationResult r = LabelPropagation.run(scan, FlowRegistrar.defaults(), request.inference(), listener);
            return new SegmentationResult(request.method(), r.fused(), r.up(), r.down(), r.uncertainty(),
                SuggestionReport.of(axis, r), null, seconds(start));
        }
        if (engine == null) throw new IllegalStateException("the " + request.method().key() + " method needs a deep engine");
        try (PreparedNetwork network = engine.prepare(request, scan, listener)) {
            PropagationResult r = LabelPropagation.run(scan, network.registrar(), request.inference(), listener);
            return new SegmentationResult(request.method(), r.fused(), r.up(), r.down(), r.uncertainty(),
                SuggestionReport.of(axis, r), network.trainingOrNull(), seconds(start));
        }
    }

    private static SliceInterpolator interpolator(SegmentationRequest request) {
        return switch (request.method()) {
            case NEAREST -> new NearestSliceInterpolation();
            case SHAPE -> new ShapeInterpolation();
            default -> throw new IllegalArgumentException(request.method() + " is not an interpolation");
        };
    }

    private static double seconds(long start) { return (System.nanoTime() - start) / 1e9; }
}
