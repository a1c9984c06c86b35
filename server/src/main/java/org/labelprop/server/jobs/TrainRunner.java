// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.labelprop.io.Nifti;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.TrainedModel;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.checkpoint.ShippedCheckpoint;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.nn.training.TrainingReport;
import org.labelprop.progress.ProgressListener;
import org.labelprop.server.store.AtomicFiles;
import org.labelprop.server.store.VolumeKind;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * The "train" job: trains the registration network on the session's scan (its labels and hints when present; without
 * labels the training is unsupervised) and stores the result as checkpoint {@code "saveAs"} (default
 * {@code session-<id>}). Parameters: {@code axis}, {@code epochs} (default 500), {@code checkpoint} (starting weights;
 * default the shipped pretrained checkpoint), options {@code maxSeconds} (default 90), {@code saveAs}, {@code overwrite}
 * (replace an existing checkpoint), {@code fromScratch} (start from random weights instead of the shipped checkpoint).
 */
public final class TrainRunner implements JobRunner {
    @Override public Set<VolumeKind> requires() { return EnumSet.of(VolumeKind.IMAGE); }

    @Override public void validate(JobParams p) {
        Options.seconds(p, "maxSeconds", 90, false);
        Options.checkpointName(p, "saveAs");
        Options.flag(p, "overwrite");
        Options.flag(p, "fromScratch");
    }

    @Override public JobOutcome run(SessionFiles in, JobParams p, ProgressListener progress) throws Exception {
        String name = Options.checkpointName(p, "saveAs");
        if (name == null) name = "session-" + in.sessionId();
        Path target = in.checkpoints().resolve(name);
        if (Files.exists(target) && !Options.flag(p, "overwrite"))
            throw new IllegalArgumentException("checkpoint '" + name + "' exists; pass \"overwrite\": true or another \"saveAs\"");
        Volume image = Nifti.readVolume(in.image());
        LabelVolume sparse = in.labels() == null ? LabelVolume.empty(image.grid()) : Nifti.readLabels(in.labels());
        LabelVolume hints = in.hints() == null ? null : Nifti.readLabels(in.hints());
        Checkpoint start = p.checkpoint() == null ? defaultStart(p) : CheckpointStore.read(in.checkpoints().resolve(p.checkpoint()));
        TrainedModel m = DeepLabelProp.train(image, sparse, hints, p.sliceAxis(), trainingConfig(p), start, progress);
        Path staged = in.workDir().resolve(name);
        CheckpointStore.write(m.checkpoint(), staged);
        ProgressListener.checkCancelled();
        AtomicFiles.move(staged, target);
        String from = p.checkpoint() != null ? "checkpoint '" + p.checkpoint() + "'" : start != null ? "the shipped pretrained checkpoint" : "scratch";
        return new JobOutcome(List.of(), "saved checkpoint '" + name + "': " + describe(m.report()) + ", started from " + from);
    }

    /** Starting weights when no {@code checkpoint} is named: the shipped pretrained one, or none with {@code "fromScratch": true}. */
    static Checkpoint defaultStart(JobParams p) {
        return Options.flag(p, "fromScratch") ? null : ShippedCheckpoint.load();
    }

    static TrainingConfig trainingConfig(JobParams p) {
        TrainingConfig tc = TrainingConfig.defaults().withMaxSeconds(Options.seconds(p, "maxSeconds", 90, false));
        return p.epochs() == null ? tc : tc.withEpochs(p.epochs());
    }

    static String describe(TrainingReport r) {
        return String.format("trained %d epochs (%d steps, %.0f s, stopped by %s, loss %.4g -> %.4g)", r.epochs(), r.steps(),
            r.seconds(), r.stopReason(), r.firstLoss(), r.lastLoss());
    }
}
