// SPDX-License-Identifier: Apache-2.0
package org.labelprop.progress;

import java.util.List;
import java.util.Objects;

/**
 * Reports a nested run's stages as one stage of the outer run, with one fraction that never goes back: the second
 * opinion's own {@link Stage#FIELDS} and {@link Stage#REFINEMENT}, for instance, become {@link Stage#SECOND_OPINION}
 * ({@link #secondOpinion}), so a progress display sees each stage once, in {@link Stage} order.
 *
 * <p>Every update reaches {@code outer} as {@code update(as, done, }{@link #TOTAL}{@code )}. The inner stages split
 * {@link #TOTAL} in the order given, each in proportion to its {@link Stage#share()}: with FIELDS (0.05) and REFINEMENT
 * (0.2), FIELDS maps to 0..200 and REFINEMENT to 200..1000. A report that would go back (an earlier stage after a later
 * one, or a stage not listed) repeats the last value instead. An inner stage that never runs (the flow has no
 * refinement without a long gap) leaves its part unreached; {@link #finish()} completes the stage then.
 */
public final class FoldedProgress implements ProgressListener {
    /** The units of the folded stage. */
    public static final long TOTAL = 1000;

    private final ProgressListener outer;
    private final Stage as;
    private final List<Stage> inner;
    private final double[] start;
    private final double[] width;
    private long last;

    /**
     * @param outer receives the folded stage
     * @param as    the stage every update is reported as
     * @param inner the nested run's stages, in the order it runs them (at least one, none twice)
     */
    public FoldedProgress(ProgressListener outer, Stage as, Stage... inner) {
        this.outer = Objects.requireNonNull(outer, "outer");
        this.as = Objects.requireNonNull(as, "as");
        this.inner = List.of(inner);
        if (this.inner.isEmpty()) throw new IllegalArgumentException("no inner stage");
        if (this.inner.stream().distinct().count() != inner.length) throw new IllegalArgumentException("an inner stage twice: " + this.inner);
        double sum = 0;
        for (Stage s : inner) sum += s.share();
        start = new double[inner.length];
        width = new double[inner.length];
        double at = 0;
        for (int i = 0; i < inner.length; i++) {
            start[i] = at / sum;
            width[i] = inner[i].share() / sum;
            at += inner[i].share();
        }
    }

    /** The second opinion's {@link Stage#FIELDS} then {@link Stage#REFINEMENT}, reported as {@link Stage#SECOND_OPINION}. */
    public static FoldedProgress secondOpinion(ProgressListener outer) {
        return new FoldedProgress(outer, Stage.SECOND_OPINION, Stage.FIELDS, Stage.REFINEMENT);
    }

    @Override
    public synchronized void update(Stage stage, long done, long total) {
        int i = inner.indexOf(stage);
        if (i >= 0) {
            double frac = total > 0 ? Math.max(0, Math.min(1.0, (double) done / total)) : 0;
            last = Math.max(last, Math.min(TOTAL, Math.round(TOTAL * (start[i] + width[i] * frac))));
        }
        outer.update(as, last, TOTAL);
    }

    /** Reports the folded stage complete ({@link #TOTAL} of {@link #TOTAL}) unless it already is. */
    public synchronized void finish() {
        if (last == TOTAL) return;
        last = TOTAL;
        outer.update(as, TOTAL, TOTAL);
    }
}
