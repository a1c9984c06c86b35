// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.labelprop.classical.InterpolationOptions;
import org.labelprop.classical.NearestSliceInterpolation;
import org.labelprop.classical.ShapeInterpolation;
import org.labelprop.classical.SliceInterpolator;
import org.labelprop.io.Nifti;
import org.labelprop.progress.ProgressListener;
import org.labelprop.server.store.VolumeKind;
import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;

/**
 * The "interpolate" job: image-blind filling of the slices between annotated ones. Options: {@code "method"}
 * "shape" (default, signed-distance interpolation) or "nearest" (nearest-slice copy), {@code "extrapolate"} (default
 * false). Publishes {@code fused.nii.gz} on the image grid and {@code suggestions.json} (largest gaps first).
 */
public final class InterpolateRunner implements JobRunner {
    private static final Set<String> METHODS = Set.of("shape", "nearest");
    private final ObjectMapper json;

    public InterpolateRunner(ObjectMapper json) { this.json = json; }

    /** Image-blind: the image only supplies the output grid; hints are not used. */
    @Override public Set<VolumeKind> reads() { return EnumSet.of(VolumeKind.IMAGE, VolumeKind.LABELS); }

    @Override public void validate(JobParams p) {
        String m = p.option("method", "shape");
        if (!METHODS.contains(m)) throw new IllegalArgumentException("\"method\" must be \"shape\" or \"nearest\", got \"" + m + "\"");
        Object e = p.options().get("extrapolate");
        if (e != null && !(e instanceof Boolean)) throw new IllegalArgumentException("\"extrapolate\" must be true or false, got " + e);
    }

    @Override public JobOutcome run(SessionFiles in, JobParams p, ProgressListener progress) throws Exception {
        progress.update("reading", 0, 3);
        Grid imageGrid = Nifti.grid(Nifti.readHeader(in.image()));
        LabelVolume sparse = Nifti.readLabels(in.labels());
        AnnotatedSlices annotation = AnnotatedSlices.of(sparse, p.sliceAxis());
        if (annotation.isEmpty()) throw new IllegalArgumentException("the labels have no annotated slice along axis " + p.axis());
        progress.update("interpolating", 1, 3);
        SliceInterpolator method = p.option("method", "shape").equals("nearest") ? new NearestSliceInterpolation() : new ShapeInterpolation();
        InterpolationOptions o = InterpolationOptions.defaults().withExtrapolate(Boolean.TRUE.equals(p.options().get("extrapolate")));
        LabelVolume filled = method.interpolate(sparse, p.sliceAxis(), o);
        progress.update("writing", 2, 3);
        Path fused = in.workDir().resolve("fused.nii.gz");
        // the labels were checked to lie on the image grid at upload; write with the image's own header geometry
        Nifti.writeLabels(fused, new LabelVolume(imageGrid, filled.array()));
        Path suggestions = in.workDir().resolve("suggestions.json");
        json.writeValue(suggestions.toFile(), Suggestions.largestGaps(annotation, 10));
        progress.update("writing", 3, 3);
        return new JobOutcome(List.of(fused, suggestions), "interpolated " + (annotation.sliceCount() - annotation.count())
            + " slices from " + annotation.count() + " annotated along axis " + p.axis() + " (" + p.option("method", "shape") + ")");
    }
}
