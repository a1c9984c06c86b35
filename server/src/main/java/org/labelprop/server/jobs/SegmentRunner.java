// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.labelprop.io.Nifti;
import org.labelprop.nn.TorchEngine;
import org.labelprop.pipeline.DeepEngine;
import org.labelprop.pipeline.Segmentation;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.pipeline.SegmentationResult;
import org.labelprop.pipeline.SegmentationWriter;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.Hints;
import org.labelprop.server.store.AtomicFiles;
import org.labelprop.server.store.CheckpointNames;
import org.labelprop.volume.Volume;

/**
 * Both job types, through the one pipeline ({@link Segmentation}): reads the session's volumes, runs the request, writes
 * {@code fused/up/down/uncertainty.nii.gz} and {@code suggestions.json} with {@link SegmentationWriter}, and for a train
 * job stores the trained network as checkpoint {@code saveAs} (default {@code session-<id>}).
 */
public final class SegmentRunner implements JobRunner {
    private final Function<SessionFiles, DeepEngine> engines;

    /** @param threads libtorch threads per job, 0 = all cores; stored checkpoints come from the session's checkpoint folder */
    public SegmentRunner(int threads) { this(in -> engine(in, threads)); }

    /** @param engines the deep engine a job uses, given its files */
    public SegmentRunner(Function<SessionFiles, DeepEngine> engines) { this.engines = engines; }

    /** The libtorch engine reading stored checkpoints by (checked) name from the session's checkpoint folder. */
    public static TorchEngine engine(SessionFiles in, int threads) {
        return new TorchEngine(n -> in.checkpoints().resolve(checked(n)), threads);
    }

    @Override public JobOutcome run(SessionFiles in, JobRequest job, ProgressListener progress) throws Exception {
        ProgressListener staged = new StagedProgress(progress);
        String name = checkpointName(in.sessionId(), job);
        Path target = name == null ? null : in.checkpoints().resolve(name);
        if (target != null && Files.exists(target) && !job.overwrite())
            throw new org.labelprop.UserInputException("saveAs", "checkpoint '" + name + "' exists; pass \"overwrite\": true or "
                + "another \"saveAs\"");
        staged.update(org.labelprop.progress.Stage.READING, 0, 1);
        Volume image = Nifti.readVolume(in.image());
        SegmentationInputs inputs = new SegmentationInputs(image, Nifti.readLabels(in.labels()),
            in.hints() == null ? null : new Hints(Nifti.readLabels(in.hints())));
        SegmentationResult r = Segmentation.run(job.segmentation(), inputs, engines.apply(in), staged);
        staged.update(org.labelprop.progress.Stage.WRITING, 0, 1);
        List<Path> out = new ArrayList<>(SegmentationWriter.write(r, image.grid(), in.workDir(), ""));
        String how = "segmented with method " + r.method().key() + (r.method() == org.labelprop.request.Method.DEEP
            ? ", weights '" + job.segmentation().weights() + "'" : "") + " in " + Math.round(r.seconds()) + " s";
        if (r.trainingOrNull() != null && !r.trainingOrNull().savable()) how = r.trainingOrNull().describe() + "; " + how;
        else if (r.trainingOrNull() != null) {
            Path staging = in.workDir().resolve(name);
            r.trainingOrNull().weights().save(staging);
            ProgressListener.checkCancelled();
            AtomicFiles.move(staging, target);
            how = r.trainingOrNull().describe() + ", saved as checkpoint '" + name + "'; " + how;
        }
        return new JobOutcome(out, how + "; labels " + r.guidance().labels());
    }

    /** The checkpoint a train job stores: {@code saveAs}, or {@code session-<id>}; null for propagate jobs. */
    static String checkpointName(String sessionId, JobRequest job) {
        if (!job.segmentation().trains()) return null;
        return job.saveAs() != null ? job.saveAs() : "session-" + sessionId;
    }

    private static String checked(String name) {
        if (!CheckpointNames.isValid(name)) throw new IllegalStateException("unchecked checkpoint name reached a job: " + name);
        return name;
    }
}
