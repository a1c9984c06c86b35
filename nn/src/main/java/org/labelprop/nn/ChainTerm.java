// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import static org.labelprop.nn.tensor.Tensors.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.pytorch.Tensor;
import org.labelprop.nn.layer.SpatialTransformer;
import org.labelprop.nn.loss.SoftDice;
import org.labelprop.nn.tensor.Tensors;
import org.labelprop.nn.training.AnnotationStack;

/**
 * The annotations' constraint on a set of neighbour fields (the paper's chained constraint, here on the fields
 * themselves): for every pair of consecutive annotated slices a &lt; b, the annotation of a carried up through the
 * composition of the up fields a..b-1 must match the annotation of b (soft Dice), and the annotation of b carried down
 * must match a. Fields are displacements {@code exp(v)} of all pairs, up pairs first ({@code 2P×2×H×W}).
 */
final class ChainTerm implements AutoCloseable {
    private final Map<Integer, Tensor> annotations = new TreeMap<>();
    private final List<Tensor> owned = new ArrayList<>();
    private int offset;

    /** Fields given to {@link #loss} start at pair {@code first} (they cover only the pairs from that one on). */
    void shift(int first) { offset = first; }

    private ChainTerm() { }

    /** The same constraint at half resolution (annotations averaged 2×2), for the coarse stage of refinement. */
    ChainTerm half() {
        ChainTerm c = new ChainTerm();
        c.offset = offset;
        annotations.forEach((k, a) -> {
            Tensor t = Tensors.keep(org.bytedeco.pytorch.global.torch.avg_pool2d(a, new long[] {2, 2}, new long[] {2, 2},
                new long[] {0, 0}, false, true, new org.bytedeco.pytorch.LongOptional()));
            c.owned.add(t);
            c.annotations.put(k, t);
        });
        return c;
    }

    ChainTerm(AnnotationStack stack, long height, long width) {
        long c = stack.channels();
        stack.annotated().forEach((k, a) -> {
            Tensor t = Tensors.keep(Tensors.of(a, 1, c, height, width));
            owned.add(t);
            annotations.put(k, t);
        });
    }

    /** Whether there is anything to constrain (two or more annotated slices). */
    boolean active() { return annotations.size() >= 2; }

    /**
     * Mean over intervals and directions of −Dice; {@code phi} holds the {@code pairs} up fields, then the down fields.
     * All chains (every interval, both directions) are composed together, one batched step per slice of the longest.
     */
    Tensor loss(Tensor phi, int pairs) {
        List<Integer> slices = new ArrayList<>(annotations.keySet());
        List<long[]> chains = new ArrayList<>();
        List<Tensor> sources = new ArrayList<>(), targets = new ArrayList<>();
        for (int j = 0; j + 1 < slices.size(); j++) {
            int a = slices.get(j), b = slices.get(j + 1), g = b - a;
            long[] up = new long[g], down = new long[g];
            for (int k = 0; k < g; k++) {
                up[k] = a - offset + k;                     // phi_up[a], then a+1, ..., b-1
                down[k] = pairs + b - 1 - offset - k;       // phi_down[b-1], then b-2, ..., a
            }
            chains.add(up);
            sources.add(annotations.get(a));
            targets.add(annotations.get(b));
            chains.add(down);
            sources.add(annotations.get(b));
            targets.add(annotations.get(a));
        }
        int n = chains.size(), longest = chains.stream().mapToInt(c -> c.length).max().orElse(0);
        long[] first = new long[n];
        for (int c = 0; c < n; c++) first[c] = chains.get(c)[0];
        Tensor u = phi.index_select(0, Tensor.create(first));
        for (int k = 1; k < longest; k++) {
            List<Long> active = new ArrayList<>(), next = new ArrayList<>();
            for (int c = 0; c < n; c++)
                if (chains.get(c).length > k) { active.add((long) c); next.add(chains.get(c)[k]); }
            Tensor idx = Tensor.create(active.stream().mapToLong(Long::longValue).toArray());
            Tensor step = phi.index_select(0, Tensor.create(next.stream().mapToLong(Long::longValue).toArray()));
            u = u.index_copy(0, idx, SpatialTransformer.compose(u.index_select(0, idx), step));
        }
        Tensor carried = SpatialTransformer.warp(Tensors.cat(0, sources.toArray(new Tensor[0])), u);
        return SoftDice.loss(Tensors.cat(0, targets.toArray(new Tensor[0])), carried);
    }

    @Override public void close() {
        owned.forEach(Tensors::release);
        owned.clear();
    }
}
