// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Tensor;
import org.labelprop.field.DisplacementField;
import org.labelprop.nn.layer.SpatialTransformer;
import org.labelprop.nn.tensor.Tensors;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.volume.LabelSlice;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * Benchmark-only stand-in for core's propagation (not landed yet): all labels at once, each annotation warped once by
 * the composed field (COMPOSED mode), up and down fused with linear distance weights, argmax; nothing outside the range.
 */
final class SimplePropagation {
    private SimplePropagation() { }

    static LabelVolume run(Volume image, LabelVolume sparse, NeighbourFields f) {
        SliceAxis axis = f.axis();
        int n = f.slices();
        int[] labels = sparse.labels();
        int c = labels.length + 1;
        List<Integer> ann = new ArrayList<>();
        for (int k = 0; k < n; k++) if (sparse.slice(axis, k).any()) ann.add(k);
        int[] out = sparse.array().clone();
        DisplacementField f0 = f.up().get(0);
        int h = f0.height(), w = f0.width();
        try (PointerScope scope = new PointerScope(); InferenceMode im = new InferenceMode()) {
            for (int a = 0; a + 1 < ann.size(); a++) {
                int c0 = ann.get(a), c1 = ann.get(a + 1);
                if (c1 - c0 < 2) continue;
                Tensor y0 = oneHot(sparse.slice(axis, c0), labels, h, w), y1 = oneHot(sparse.slice(axis, c1), labels, h, w);
                Tensor[] upMaps = new Tensor[c1 - c0], downMaps = new Tensor[c1 - c0];
                Tensor u = null;
                for (int i = c0; i < c1 - 1; i++) {
                    Tensor fi = field(f.up().get(i));
                    u = u == null ? fi : SpatialTransformer.compose(u, fi);
                    upMaps[i + 1 - c0] = SpatialTransformer.warp(y0, u);
                }
                u = null;
                for (int i = c1 - 1; i > c0; i--) {
                    Tensor fi = field(f.down().get(i));
                    u = u == null ? fi : SpatialTransformer.compose(u, fi);
                    downMaps[i - c0] = SpatialTransformer.warp(y1, u);
                }
                for (int i = c0 + 1; i < c1; i++) {
                    double wd = (double) (i - c0) / (c1 - c0);
                    Tensor fused = upMaps[i - c0].mul(Tensors.s(1 - wd)).add(downMaps[i - c0].mul(Tensors.s(wd)));
                    float[] p = Tensors.toArray(fused);
                    write(out, sparse, axis, i, p, labels, h, w);
                }
            }
        }
        return new LabelVolume(sparse.grid(), out);
    }

    private static Tensor field(DisplacementField d) {
        float[] a = new float[2 * d.height() * d.width()];
        System.arraycopy(d.dyArray(), 0, a, 0, d.dyArray().length);
        System.arraycopy(d.dxArray(), 0, a, d.dyArray().length, d.dxArray().length);
        return Tensors.of(a, 1, 2, d.height(), d.width());
    }

    private static Tensor oneHot(LabelSlice s, int[] labels, int h, int w) {
        float[] a = new float[(labels.length + 1) * h * w];
        for (int v = 0; v < h; v++)
            for (int x = 0; x < w; x++) {
                int ch = s.get(x, v) == 0 ? 0 : Arrays.binarySearch(labels, s.get(x, v)) + 1;
                a[ch * h * w + v * w + x] = 1;
            }
        return Tensors.of(a, 1, labels.length + 1, h, w);
    }

    private static void write(int[] out, LabelVolume ref, SliceAxis axis, int k, float[] p, int[] labels, int h, int w) {
        var g = org.labelprop.volume.SliceGeometry.of(ref.shape(), axis, k);
        for (int v = 0; v < h; v++)
            for (int x = 0; x < w; x++) {
                int best = 0;
                float bv = -1;
                for (int ch = 0; ch <= labels.length; ch++) {
                    float val = p[ch * h * w + v * w + x];
                    if (val > bv) { bv = val; best = ch; }
                }
                out[g.at(x, v)] = best == 0 ? 0 : labels[best - 1];
            }
    }
}
