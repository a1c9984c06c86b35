// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.labelprop.field.DisplacementField;
import org.labelprop.field.InPlaneScale;
import org.labelprop.nn.layer.VecInt;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.tensor.Tensors;
import org.labelprop.nn.training.AnnotationStack;
import org.labelprop.nn.training.PairObjective;
import org.labelprop.nn.training.SliceStack;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.propagation.SliceRegistrar;
import org.labelprop.propagation.SparseScan;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * A {@link SliceRegistrar} backed by a {@link SliceRegNet}: velocities of every neighbouring pair, both directions, in
 * batched forward passes under inference mode, then optional refinement (see {@link RegistrarConfig}) constrained by the
 * annotations when given ({@link #withAnnotations}), then {@code exp(v)} cropped from the padded grid back to the slice
 * grid. Slices larger than {@link #MAX_SIDE} are registered on a smaller working grid ({@link InPlaneScale}). Progress stages {@link Stage#FIELDS} and
 * {@link Stage#REFINEMENT}. Does not own the network (the caller closes it); may be used with a null network in
 * from-zero mode.
 */
public final class NetworkRegistrar implements SliceRegistrar {
    private final SliceRegNet net;
    private final RegistrarConfig config;
    private final int integrationSteps, multiple;
    private long maxChunkPixels = MAX_CHUNK_PIXELS;
    private int maxSide = MAX_SIDE;
    private SparseScan annotations;
    private int rangeFirst = -1, rangeLast = -1;

    /**
     * Largest side of the slices registered: larger slices are registered on a working grid of this size and the fields
     * brought back to the native grid ({@link InPlaneScale}), as the original LabelProp registers at 256 × 256.
     */
    public static final int MAX_SIDE = 256;

    /** Finest working pixel when slices are larger than {@link #MAX_SIDE}, mm (see {@link InPlaneScale#fit}). */
    public static final double MIN_WORKING_PIXEL_MM = 1.0;

    /** Most pixels (pairs × slice pixels) refined in one batch: keeps refinement near 1 GB on large slices. */
    static final long MAX_CHUNK_PIXELS = 1_500_000;

    public NetworkRegistrar(SliceRegNet netOrNull, RegistrarConfig config) {
        if (netOrNull == null && !config.fromZero())
            throw new IllegalArgumentException("a network is required unless refinement starts from zero");
        NativeRuntime.init(config.threads());
        this.net = netOrNull;
        this.config = config;
        NetworkConfig nc = net != null ? net.config() : NetworkConfig.defaults();
        integrationSteps = nc.integrationSteps();
        multiple = nc.sizeMultiple();
    }

    /**
     * This registrar constraining refinement by the annotations of {@code scan} (weight
     * {@link RegistrarConfig#annotationWeight()}; nothing to constrain with fewer than two annotated slices).
     */
    public NetworkRegistrar withAnnotations(SparseScan scan) {
        annotations = scan;
        return this;
    }

    /**
     * This registrar refining only the pairs between slices {@code first} and {@code last} (the others keep their
     * starting fields): the propagation reads no other pair when it neither extrapolates nor follows hints beyond.
     */
    NetworkRegistrar withRange(int first, int last) {
        if (first < 0 || last < first) throw new IllegalArgumentException("slice range " + first + ".." + last + " is empty");
        rangeFirst = first;
        rangeLast = last;
        return this;
    }

    /** This registrar registering slices of at most {@code side} pixels per side (tests; see {@link #MAX_SIDE}). */
    NetworkRegistrar withMaxSide(int side) {
        if (side < 8) throw new IllegalArgumentException("largest working side must be >= 8, got " + side);
        maxSide = side;
        return this;
    }

    /** This registrar refining at most {@code pixels} pixels per batch (tests; the default suits large slices). */
    NetworkRegistrar withMaxChunkPixels(long pixels) {
        if (pixels < 1) throw new IllegalArgumentException("chunk size must be positive, got " + pixels + " pixels");
        maxChunkPixels = pixels;
        return this;
    }

    @Override
    public NeighbourFields fields(Volume image, SliceAxis axis, ProgressListener progress) {
        List<DisplacementField>[] f = compute(image, axis, null, null, progress);
        return new NeighbourFields(axis, f[0], f[1]);
    }

    /** The working grid on which this registrar registers the slices of {@code image} along {@code axis}. */
    public InPlaneScale workingGrid(Volume image, SliceAxis axis) {
        return InPlaneScale.fit(image, axis, maxSide, MIN_WORKING_PIXEL_MM);
    }

    /**
     * The fields of {@link #fields} with refinement started from {@code start} instead of the network's velocities:
     * displacements on the {@linkplain #workingGrid working grid}, taken as velocities (their exponential is close to them
     * for the small displacements between neighbouring slices). Pair i (slices i and i+1) gets its refined fields where
     * {@code keep[i]}, else its starting fields, both brought back to the native grid.
     */
    public NeighbourFields refineFrom(Volume image, SliceAxis axis, NeighbourFields start, boolean[] keep, ProgressListener progress) {
        InPlaneScale scale = workingGrid(image, axis);
        if (start.slices() != image.shape().size(axis) || start.axis() != axis || keep.length != start.up().size())
            throw new IllegalArgumentException("starting fields cover " + start.slices() + " slices along " + start.axis() + " (" + keep.length
                + " pairs to keep), the image " + image.shape().size(axis) + " along " + axis);
        for (DisplacementField f : start.up())
            if (f.height() != scale.workH() || f.width() != scale.workW())
                throw new IllegalArgumentException("starting field " + f.height() + "x" + f.width() + " is not on the working grid "
                    + scale.workH() + "x" + scale.workW());
        List<DisplacementField>[] f = compute(image, axis, start, keep, progress);
        return new NeighbourFields(axis, f[0], f[1]);
    }

    /** Up and down fields of every pair, on the native grid; with a start, its own fields where {@code keep} is false. */
    @SuppressWarnings("unchecked")
    private List<DisplacementField>[] compute(Volume image, SliceAxis axis, NeighbourFields start, boolean[] keep, ProgressListener progress) {
        InPlaneScale scale = workingGrid(image, axis);
        SliceStack s = SliceStack.of(scale.shrink(image), axis, multiple);
        int pairs = s.slices() - 1, h = s.paddedHeight(), w = s.paddedWidth();
        try (PointerScope scope = new PointerScope()) {
            Tensor x = Tensors.of(s.data(), s.slices(), 1, h, w);
            Tensor lo = x.narrow(0, 0, pairs), hi = x.narrow(0, 1, pairs);
            Tensor moving = Tensors.cat(0, lo, hi), fixed = Tensors.cat(0, hi, lo);   // up pairs, then down pairs
            float[] v0 = start != null ? padded(start, pairs, h, w)
                : net == null ? new float[2 * pairs * 2 * h * w] : networkVelocities(moving, fixed, progress);
            Tensor v = Tensors.of(v0, 2L * pairs, 2, h, w);
            ChainTerm chain = config.annotationWeight() > 0 && annotations != null
                ? new ChainTerm(AnnotationStack.of(scale.shrink(annotations.annotation()),
                    scale.identity() ? annotations.hintsOrNull() : null, s), h, w) : null;
            try {
                if (!config.budget().none()) {
                    int first = rangeFirst < 0 ? 0 : Math.min(rangeFirst, pairs), end = rangeLast < 0 ? pairs : Math.min(rangeLast, pairs);
                    if (end > first) {
                        long[] rows = new long[2 * (end - first)];
                        for (int i = first; i < end; i++) { rows[i - first] = i; rows[end - first + i - first] = pairs + i; }
                        Tensor idx = Tensor.create(rows);
                        Tensor vs = v.index_select(0, idx), ms = moving.index_select(0, idx), fs = fixed.index_select(0, idx);
                        if (chain != null && chain.active()) chain.shift(first);
                        Tensor refined = chain != null && chain.active() ? refine(vs, ms, fs, progress, 1, chain)
                            : refineInChunks(vs, ms, fs, progress);
                        v = v.index_copy(0, idx, refined.detach());
                    }
                }
            } finally {
                if (chain != null) chain.close();
            }
            float[] phi = integrate(v.detach());
            List<DisplacementField> up = new ArrayList<>(), down = new ArrayList<>();
            for (int i = 0; i < 2 * pairs; i++) {
                boolean refined = keep == null || keep[i % pairs];
                (i < pairs ? up : down).add(scale.enlarge(refined ? crop(phi, i, s) : (i < pairs ? start.up().get(i) : start.down().get(i - pairs))));
            }
            return new List[] {up, down};
        }
    }

    /** Displacements on the working grid as a padded velocity array, up pairs then down pairs ({@code 2P×2×H×W}). */
    private static float[] padded(NeighbourFields start, int pairs, int h, int w) {
        float[] v = new float[2 * pairs * 2 * h * w];
        for (int i = 0; i < 2 * pairs; i++) {
            DisplacementField d = i < pairs ? start.up().get(i) : start.down().get(i - pairs);
            int base = i * 2 * h * w, fw = d.width();
            for (int r = 0; r < d.height(); r++) {
                System.arraycopy(d.dyArray(), r * fw, v, base + r * w, fw);
                System.arraycopy(d.dxArray(), r * fw, v, base + h * w + r * w, fw);
            }
        }
        return v;
    }

    /**
     * {@code exp(v)} of every pair, a batch at a time: a scope keeps every intermediate of the scaling and squaring until
     * it closes, so integrating all pairs at once held about ten times the fields (2.2 GB on 284 pairs of 96×192).
     */
    private float[] integrate(Tensor v) {
        long n = v.size(0), per = v.size(1) * v.size(2) * v.size(3);
        float[] phi = new float[Math.toIntExact(n * per)];
        for (long b = 0; b < n; b += config.batchPairs()) {
            long k = Math.min(config.batchPairs(), n - b);
            try (PointerScope inner = new PointerScope(); InferenceMode im = new InferenceMode()) {
                float[] part = Tensors.toArray(VecInt.integrate(v.narrow(0, b, k), integrationSteps));
                System.arraycopy(part, 0, phi, Math.toIntExact(b * per), part.length);
            }
        }
        return phi;
    }

    private float[] networkVelocities(Tensor moving, Tensor fixed, ProgressListener progress) {
        long n = moving.size(0);
        float[] out = new float[Math.toIntExact(n * 2 * moving.size(2) * moving.size(3))];
        int pos = 0;
        for (long b = 0; b < n; b += config.batchPairs()) {
            ProgressListener.checkCancelled();
            long k = Math.min(config.batchPairs(), n - b);
            try (PointerScope scope = new PointerScope(); InferenceMode im = new InferenceMode()) {
                float[] part = Tensors.toArray(net.velocity(moving.narrow(0, b, k), fixed.narrow(0, b, k)));
                System.arraycopy(part, 0, out, pos, part.length);
                pos += part.length;
            }
            progress.update(Stage.FIELDS, b + k, n);
        }
        return out;
    }

    /**
     * Adam on the velocities themselves, all pairs batched; the loss is a mean, so each pair moves as if alone. With a
     * coarse fraction, the first part runs at half resolution.
     */
    /**
     * Refines the pairs in chunks of at most {@link #MAX_CHUNK_PIXELS} pixels, so memory stays bounded on large slices
     * (pairs are independent: the loss is a mean over pairs). Each chunk gets its share of the time budget.
     */
    private Tensor refineInChunks(Tensor v, Tensor moving, Tensor fixed, ProgressListener progress) {
        long n = v.size(0), chunk = Math.max(1, Math.min(n, maxChunkPixels / (v.size(2) * v.size(3))));
        if (chunk >= n) return refine(v, moving, fixed, progress, 1, null);
        int chunks = (int) ((n + chunk - 1) / chunk);
        TensorVector parts = new TensorVector();
        for (int j = 0; j < chunks; j++) {
            long b = j * chunk, k = Math.min(chunk, n - b);
            int index = j;
            ProgressListener part = (stage, done, total) -> progress.update(stage, index * total + done, chunks * total);
            parts.push_back(refine(v.narrow(0, b, k), moving.narrow(0, b, k), fixed.narrow(0, b, k), part, (double) k / n, null).detach());
        }
        return torch.cat(parts, 0);
    }

    private Tensor refine(Tensor v, Tensor moving, Tensor fixed, ProgressListener progress, double budgetShare, ChainTerm chain) {
        double seconds = config.seconds() * budgetShare;
        boolean bySteps = Double.isInfinite(seconds);   // progress counts steps, else time
        double frac = config.coarseFraction();
        int steps = config.steps();
        int coarseSteps = (int) Math.round(frac * steps);
        long[] done = {0};
        long total = bySteps ? steps : Math.round(seconds * 1000);
        if (coarseSteps > 0) {
            long h = v.size(2), w = v.size(3);
            try (ChainTerm coarse = chain == null ? null : chain.half()) {
                Tensor vc = optimise(half(v).mul(Tensors.s(0.5)), half(moving), half(fixed), coarseSteps, frac * seconds,
                    progress, done, total, bySteps, budgetShare, coarse);
                v = torch.upsample_bilinear2d(vc.detach(), new long[] {h, w}, false).mul(Tensors.s(2));
            }
        }
        return optimise(v, moving, fixed, steps - coarseSteps, (1 - frac) * seconds, progress, done, total, bySteps, budgetShare, chain);
    }

    private static Tensor half(Tensor x) {
        return torch.avg_pool2d(x, new long[] {2, 2}, new long[] {2, 2}, new long[] {0, 0}, false, true, new LongOptional());
    }

    private Tensor optimise(Tensor v, Tensor moving, Tensor fixed, int maxSteps, double maxSeconds, ProgressListener progress,
                            long[] done, long total, boolean bySteps, double lossScale, ChainTerm chain) {
        Tensor param = v.detach().clone().requires_grad_(true);
        try (AdamOptions o = new AdamOptions(config.learningRate());
             Adam adam = new Adam(new TensorVector(param), o)) {
            long start = System.nanoTime();
            for (int k = 0; k < maxSteps; k++) {
                ProgressListener.checkCancelled();
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (elapsed >= maxSeconds) break;
                try (PointerScope step = new PointerScope()) {
                    // the loss is a mean over the pairs given; scaled by their share of all pairs, each pair gets the
                    // gradient it gets when all pairs are refined at once, so chunking does not change the result
                    Tensor[] phi = new Tensor[1];
                    Tensor loss = PairObjective.loss(config.preset(), config.smoothness(), integrationSteps, moving, fixed, param, false,
                        chain == null ? null : phi).mul(Tensors.s(lossScale));
                    if (chain != null) loss = loss.add(chain.loss(phi[0], (int) (param.size(0) / 2)).mul(Tensors.s(config.annotationWeight())));
                    adam.zero_grad();
                    loss.backward();
                    adam.step();
                }
                done[0] = bySteps ? done[0] + 1 : done[0] + Math.round(((System.nanoTime() - start) / 1e9 - elapsed) * 1000);
                progress.update(Stage.REFINEMENT, Math.min(done[0], total), Math.max(total, 1));
            }
        }
        return param;
    }

    private static DisplacementField crop(float[] phi, int item, SliceStack s) {
        int h = s.height(), w = s.width(), ph = s.paddedHeight(), pw = s.paddedWidth();
        float[] dy = new float[h * w], dx = new float[h * w];
        int base = item * 2 * ph * pw;
        for (int r = 0; r < h; r++) {
            System.arraycopy(phi, base + r * pw, dy, r * w, w);
            System.arraycopy(phi, base + ph * pw + r * pw, dx, r * w, w);
        }
        return new DisplacementField(h, w, dy, dx);
    }
}
