// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelprop.io.Nifti;
import org.labelprop.nn.NetworkRegistrar;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.training.AnnotationStack;
import org.labelprop.nn.training.SliceStack;
import org.labelprop.nn.training.Trainer;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.nn.training.TrainingReport;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.LabelPropagation;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.propagation.PropagationOptions;
import org.labelprop.propagation.PropagationResult;
import org.labelprop.propagation.SliceSuggestion;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The "propagate" job, LabelProp end to end on the session's scan: train the registration network on this scan (its
 * annotations and hints), compute the neighbour fields (network, then refinement), propagate both ways and fuse.
 * Parameters: {@code axis}, {@code epochs} (default 500), {@code fusion} "ncc" (default) or "distance"; options
 * {@code maxSeconds} (training budget, default 90), {@code refineSeconds} (default 20), {@code extrapolate} (false).
 * Publishes {@code fused/up/down/uncertainty.nii.gz} on the image grid and {@code suggestions.json}.
 */
public final class PropagateRunner implements JobRunner {
    private final ObjectMapper json;

    public PropagateRunner(ObjectMapper json) { this.json = json; }

    @Override public void validate(JobParams p) {
        if (p.checkpoint() != null)
            throw new UnsupportedOperationException("propagating with a stored checkpoint is not available yet; omit \"checkpoint\""
                + " to train on this scan");
        positive(p, "maxSeconds", 90);
        nonNegative(p, "refineSeconds", 20);
        Object e = p.options().get("extrapolate");
        if (e != null && !(e instanceof Boolean)) throw new IllegalArgumentException("\"extrapolate\" must be true or false, got " + e);
    }

    @Override public JobOutcome run(SessionFiles in, JobParams p, ProgressListener progress) throws Exception {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("training", 6.0);
        weights.put("fields", 1.0);
        weights.put("refinement", 2.0);
        weights.put(LabelPropagation.STAGE, 1.0);
        ProgressListener staged = new StagedProgress(progress, weights);
        staged.update("reading", 0, 1);
        Volume image = Nifti.readVolume(in.image());
        LabelVolume sparse = Nifti.readLabels(in.labels());
        LabelVolume hints = in.hints() == null ? null : Nifti.readLabels(in.hints());
        SliceAxis axis = p.sliceAxis();
        TrainingConfig tc = TrainingConfig.defaults().withMaxSeconds(positive(p, "maxSeconds", 90));
        if (p.epochs() != null) tc = tc.withEpochs(p.epochs());
        NetworkConfig nc = NetworkConfig.defaults();
        PropagationResult r;
        TrainingReport report;
        try (SliceRegNet net = new SliceRegNet(nc); Trainer trainer = new Trainer(net, tc)) {
            SliceStack stack = SliceStack.of(image, axis, nc.sizeMultiple());
            report = trainer.train(stack, AnnotationStack.of(sparse, hints, stack), staged);
            RegistrarConfig rc = RegistrarConfig.defaults().withRefineSeconds(nonNegative(p, "refineSeconds", 20));
            NeighbourFields fields = new NetworkRegistrar(net, rc).fields(image, axis, staged);
            PropagationOptions po = PropagationOptions.defaults()
                .withFusion("distance".equals(p.fusion()) ? PropagationOptions.Fusion.DISTANCE : PropagationOptions.Fusion.NCC)
                .withExtrapolate(Boolean.TRUE.equals(p.options().get("extrapolate")));
            r = LabelPropagation.run(image, sparse, hints, fields, po, staged);
        }
        List<Path> out = new ArrayList<>();
        out.add(labels(in, "fused", r.fused()));
        out.add(labels(in, "up", r.up()));
        out.add(labels(in, "down", r.down()));
        Path u = in.workDir().resolve("uncertainty.nii.gz");
        Nifti.writeVolume(u, r.uncertainty());
        out.add(u);
        Path s = in.workDir().resolve("suggestions.json");
        json.writeValue(s.toFile(), suggestions(p.axis(), r.suggestions()));
        out.add(s);
        return new JobOutcome(out, String.format("trained %d epochs (%d steps, %.0f s, stopped by %s, loss %.4g -> %.4g), propagated %s",
            report.epochs(), report.steps(), report.seconds(), report.stopReason(), report.firstLoss(), report.lastLoss(), r.labelStatus()));
    }

    private static Path labels(SessionFiles in, String name, LabelVolume v) throws java.io.IOException {
        Path f = in.workDir().resolve(name + ".nii.gz");
        Nifti.writeLabels(f, v);
        return f;
    }

    static Suggestions suggestions(int axis, List<SliceSuggestion> list) {
        List<Suggestion> out = new ArrayList<>();
        for (SliceSuggestion s : list)
            out.add(new Suggestion(s.slice(), s.score(), String.format("up/down disagreement %.1f voxels, %d slices from the nearest"
                + " annotated or suggested slice", s.uncertainty(), s.distance())));
        return new Suggestions(axis, "uncertainty", out);
    }

    private static double positive(JobParams p, String key, double fallback) {
        double v = number(p, key, fallback);
        if (!(v > 0)) throw new IllegalArgumentException("\"" + key + "\" must be a positive number of seconds, got " + v);
        return v;
    }

    private static double nonNegative(JobParams p, String key, double fallback) {
        double v = number(p, key, fallback);
        if (!(v >= 0)) throw new IllegalArgumentException("\"" + key + "\" must be >= 0 seconds, got " + v);
        return v;
    }

    private static double number(JobParams p, String key, double fallback) {
        Object v = p.options().get(key);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("\"" + key + "\" must be a number, got " + v);
    }
}
