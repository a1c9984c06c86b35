// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.labelprop.field.DisplacementField;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.propagation.SliceRegistrar;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.SliceGeometry;
import org.labelprop.volume.Volume;

/**
 * Neighbour fields by {@link TvL1Flow} optical flow, no training: intensities are clipped to the volume's 1st-99.5th
 * percentile and scaled to 0..1 ({@link IntensityWindow}), then every neighbouring slice pair is registered both ways,
 * {@code up.get(i)} with fixed = slice i+1 and moving = slice i, {@code down.get(i)} the reverse. Pairs run on
 * {@code threads} worker threads; the result does not depend on their number or scheduling.
 *
 * @param options TV-L1 parameters ({@link TvL1Options#defaults()}: scikit-image's)
 * @param threads worker threads, at least 1
 */
public record FlowRegistrar(TvL1Options options, int threads) implements SliceRegistrar {
    public FlowRegistrar {
        Objects.requireNonNull(options, "options");
        if (threads < 1) throw new IllegalArgumentException("flow needs at least one thread, got " + threads);
    }

    /** scikit-image's TV-L1 defaults on every available core. */
    public static FlowRegistrar defaults() {
        return new FlowRegistrar(TvL1Options.defaults(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param progress receives stage {@link Stage#FIELDS}, one unit per slice pair (both directions), from the calling thread
     * @throws CancellationException when the calling thread is interrupted; the workers are stopped
     */
    @Override
    public NeighbourFields fields(Volume image, SliceAxis axis, ProgressListener progress) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(axis, "axis");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        int n = image.shape().size(axis);
        if (n < 2) return new NeighbourFields(axis, List.of(), List.of());
        IntensityWindow window = IntensityWindow.percentiles(image, IntensityWindow.LOW_PERCENT, IntensityWindow.HIGH_PERCENT);
        SliceGeometry g = SliceGeometry.of(image.shape(), axis, 0);
        TvL1Flow flow = new TvL1Flow(options);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n - 1), r -> {
            Thread t = new Thread(r, "tvl1-flow");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<DisplacementField[]>> pairs = new ArrayList<>(n - 1);
            for (int i = 0; i < n - 1; i++) {
                int lower = i;
                pairs.add(pool.submit(() -> {
                    float[] a = window.apply(image.slice(axis, lower).toArray());
                    float[] b = window.apply(image.slice(axis, lower + 1).toArray());
                    return new DisplacementField[] {flow.estimate(b, a, g.height(), g.width()), flow.estimate(a, b, g.height(), g.width())};
                }));
            }
            List<DisplacementField> up = new ArrayList<>(n - 1), down = new ArrayList<>(n - 1);
            for (int i = 0; i < n - 1; i++) {
                DisplacementField[] f = pairs.get(i).get();
                up.add(f[0]);
                down.add(f[1]);
                listener.update(Stage.FIELDS, i + 1, n - 1);
            }
            return new NeighbourFields(axis, up, down);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("flow computation cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("flow computation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
