// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;

/**
 * Shows progress of long work: a bar with ETA on a terminal, otherwise one plain log line per 10 % of each stage.
 * Close it when the work ends.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private final boolean terminal;
    private final PrintWriter log;
    private ProgressBar bar;
    private Stage stage;
    private long started;
    private int lastDecile = -1;

    ConsoleProgress(PrintWriter log) {
        this(log, System.console() != null && System.getenv("LABELPROP_PLAIN_PROGRESS") == null);
    }

    ConsoleProgress(PrintWriter log, boolean terminal) {
        this.log = log;
        this.terminal = terminal;
    }

    @Override
    public synchronized void update(Stage stage, long done, long total) {
        if (stage != this.stage) {
            closeBar();
            this.stage = stage;
            this.started = System.nanoTime();
            this.lastDecile = -1;
            if (terminal)
                bar = new ProgressBarBuilder().setTaskName(stage.label()).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).showSpeed().build();
        }
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
            return;
        }
        int decile = total <= 0 ? 10 : (int) Math.min(10, done * 10 / total);
        if (decile > lastDecile) {
            lastDecile = decile;
            double elapsed = (System.nanoTime() - started) / 1e9;
            String eta = done > 0 && done < total ? ", ETA " + format(elapsed * (total - done) / done) : "";
            log.printf("%s: %d%% (%d/%d), %s elapsed%s%n", stage.label(), decile * 10, done, total, format(elapsed), eta);
            log.flush();
        }
    }

    private static String format(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        return d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : String.format("%.1f s", seconds);
    }

    private void closeBar() {
        if (bar != null) bar.close();
        bar = null;
    }

    @Override
    public synchronized void close() { closeBar(); }
}
