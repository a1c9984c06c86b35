// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelprop.io.Nifti;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.TrainedModel;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.checkpoint.CheckpointStore;
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
 * annotations and hints) or take a stored checkpoint, compute the neighbour fields (network, then refinement), propagate
 * both ways and fuse. Parameters: {@code axis}, {@code epochs} (default 500), {@code checkpoint} (use these weights
 * instead of training; with option {@code finetune} train from them), {@code fusion} "auto" (default), "ncc" or "distance";
 * options {@code maxSeconds} (training budget, default 90), {@code refineSeconds} (default 5), {@code extrapolate},
 * {@code fromScratch} (training without {@code checkpoint} starts from random weights, not the shipped pretrained ones).
 * Publishes {@code fused/up/down/uncertainty.nii.gz} on the image grid and {@code suggestions.json}.
 */
public final class PropagateRunner implements JobRunner {
    private final ObjectMapper json;

    public PropagateRunner(ObjectMapper json) { this.json = json; }

    @Override public void validate(JobParams p) {
        Options.seconds(p, "maxSeconds", 90, false);
        Options.seconds(p, "refineSeconds", RegistrarConfig.DEFAULT_SECONDS, true);
        Options.flag(p, "extrapolate");
        Options.flag(p, "finetune");
        Options.flag(p, "fromScratch");
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
        Checkpoint model = p.checkpoint() == null ? null : CheckpointStore.read(in.checkpoints().resolve(p.checkpoint()));
        String how = "used checkpoint '" + p.checkpoint() + "'";
        if (model == null || Options.flag(p, "finetune")) {
            Checkpoint start = model != null ? model : TrainRunner.defaultStart(p);
            TrainedModel m = DeepLabelProp.train(image, sparse, hints, axis, TrainRunner.trainingConfig(p), start, staged);
            model = m.checkpoint();
            how = TrainRunner.describe(m.report());
        }
        RegistrarConfig rc = RegistrarConfig.defaults().withRefineSeconds(Options.seconds(p, "refineSeconds", RegistrarConfig.DEFAULT_SECONDS, true));
        NeighbourFields fields = DeepLabelProp.registrar(model, rc).fields(image, axis, staged);
        PropagationOptions po = PropagationOptions.defaults()
            .withFusion(p.fusion() == null ? PropagationOptions.Fusion.AUTO
                : PropagationOptions.Fusion.valueOf(p.fusion().toUpperCase(java.util.Locale.ROOT)))
            .withExtrapolate(Options.flag(p, "extrapolate"));
        PropagationResult r = LabelPropagation.run(image, sparse, hints, fields, po, staged);
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
        return new JobOutcome(out, how + ", propagated labels " + r.labelStatus());
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
}
