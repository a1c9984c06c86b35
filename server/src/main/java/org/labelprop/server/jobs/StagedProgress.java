// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;

/**
 * Turns per-stage progress into one overall fraction: each {@link Stage} owns its {@link Stage#share()} of the job, in
 * stage order, and {@code outer} receives {@code update(stage, overall·10^6, 10^6)} (never going back).
 */
public final class StagedProgress implements ProgressListener {
    private static final long SCALE = 1_000_000;
    private final ProgressListener outer;
    private long last;

    public StagedProgress(ProgressListener outer) { this.outer = outer; }

    @Override public void update(Stage stage, long done, long total) {
        double before = 0;
        for (Stage s : Stage.values()) if (s.ordinal() < stage.ordinal()) before += s.share();
        double frac = total > 0 ? Math.min(1.0, (double) done / total) : 0;
        last = Math.max(last, Math.round(SCALE * (before + stage.share() * frac)));
        outer.update(stage, last, SCALE);
    }
}
