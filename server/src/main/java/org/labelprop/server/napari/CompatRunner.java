// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import org.labelprop.nn.TorchEngine;
import org.labelprop.pipeline.DeepEngine;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.propagation.SparseScan;
import org.labelprop.server.jobs.JobOutcome;
import org.labelprop.server.jobs.JobRequest;
import org.labelprop.server.jobs.JobRunner;
import org.labelprop.server.jobs.SegmentRunner;
import org.labelprop.server.jobs.SessionFiles;
import org.labelprop.volume.LabelVolume;

/**
 * The jobs of {@code /inference} and {@code /training}: the one segmentation pipeline as the "propagate" and "train" jobs
 * run it (inference: the named checkpoint, no training; training: train on the scan, save {@code <name>.ckpt}, then
 * propagate), ended at the request's deadline. The original's {@code pretraining} flag trains without the annotations
 * (unsupervised) and still propagates them.
 */
final class CompatRunner implements JobRunner {
    private final CompatRecords records;
    private final boolean unsupervised;
    private final int threads;

    CompatRunner(CompatRecords records, boolean unsupervised, int threads) {
        this.records = records;
        this.unsupervised = unsupervised;
        this.threads = threads;
    }

    @Override public JobOutcome run(SessionFiles in, JobRequest p, ProgressListener progress) throws Exception {
        ProgressListener guarded = new DeadlineProgress(progress, records.find(in.sessionId()).orElse(null));
        TorchEngine torch = SegmentRunner.engine(in, threads);
        DeepEngine engine = !unsupervised ? torch : (request, scan, listener) -> torch.prepare(request, withoutAnnotation(scan), listener);
        return new SegmentRunner(files -> engine).run(in, p, guarded);
    }

    /** The scan with an empty annotation: training on it is unsupervised (neighbour pairs only). */
    private static SparseScan withoutAnnotation(SparseScan scan) {
        LabelVolume none = LabelVolume.empty(scan.image().grid());
        return new SparseScan(scan.image(), none, null, AnnotatedSlices.of(none, scan.axis()));
    }
}
