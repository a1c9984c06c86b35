// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Arrays;

/**
 * Fuses the up and down soft maps of one slice (the original's fusion) and measures their disagreement.
 * Per channel {@code Y = w_up Y_up + (1 - w_up) Y_down}, kept as a soft map ({@link #fusedMap()}) for {@link FusedStack},
 * which chooses the fused labels. The up and down labels are the same {@link LabelRule} on each direction
 * alone. Uncertainty: see {@link PropagationResult#uncertainty()}. Scratch buffers are reused from slice to slice; not
 * thread-safe.
 */
final class SliceFusion {
    private final int height;
    private final int width;
    private final int[] channelLabels;
    private final LabelRule rule;
    private final float[] maxU, sumU, maxD, sumD, acc;
    private final int[] argU, argD;
    private final int[] up, down;
    private final float[] uncertainty;
    private SoftLabels fusedMap;

    SliceFusion(int height, int width, int[] channelLabels, LabelRule rule) {
        this.height = height;
        this.width = width;
        this.channelLabels = channelLabels;
        this.rule = rule;
        int n = height * width;
        maxU = new float[n]; sumU = new float[n]; maxD = new float[n]; sumD = new float[n]; acc = new float[n];
        argU = new int[n]; argD = new int[n];
        up = new int[n]; down = new int[n]; uncertainty = new float[n];
    }

    /**
     * Fuses one slice. {@code u} or {@code d} is null where that direction did not reach (then the other counts with
     * weight 1); {@code wUp} holds per-pixel up weights and is read only when both are present.
     */
    void fuse(SoftLabels u, SoftLabels d, float[] wUp) {
        if (u == null && d == null) throw new IllegalStateException("nothing to fuse");
        Arrays.fill(maxU, 0f); Arrays.fill(sumU, 0f); Arrays.fill(maxD, 0f); Arrays.fill(sumD, 0f);
        Arrays.fill(acc, 0f);
        Arrays.fill(argU, -1); Arrays.fill(argD, -1);
        int channels = u != null ? u.channels() : d.channels();
        Patch[] fusedChannels = new Patch[channels];
        for (int c = 0; c < channels; c++) {
            Patch pu = u == null ? null : u.channel(c), pd = d == null ? null : d.channel(c);
            accumulate(pu, c, maxU, sumU, argU);
            accumulate(pd, c, maxD, sumD, argD);
            if (pu == null && pd == null) continue;
            int[] box = Patch.union(pu, pd);
            int bw = box[3] - box[1];
            float[] buf = new float[(box[2] - box[0]) * bw];
            for (int y = box[0]; y < box[2]; y++)
                for (int x = box[1]; x < box[3]; x++) {
                    float a = pu == null ? 0f : pu.get(y, x), b = pd == null ? 0f : pd.get(y, x);
                    float w = d == null ? 1f : u == null ? 0f : wUp[y * width + x];
                    buf[(y - box[0]) * bw + x - box[1]] = w * a + (1 - w) * b;
                }
            fusedChannels[c] = Patch.crop(buf, box[0], box[1], box[2] - box[0], bw);
        }
        fusedMap = new SoftLabels(height, width, fusedChannels);
        boolean twoWay = u != null && d != null;
        if (twoWay) for (int c = 0; c < channels; c++) disagreement(u.channel(c), d.channel(c));
        for (int i = 0; i < up.length; i++) {
            up[i] = rule.label(maxU[i], sumU[i], argU[i], channelLabels);
            down[i] = rule.label(maxD[i], sumD[i], argD[i], channelLabels);
            float zu = 1 - maxU[i] + sumU[i], zd = 1 - maxD[i] + sumD[i];
            float unc;
            if (twoWay) unc = 0.5f * (acc[i] + Math.abs((1 - maxU[i]) / zu - (1 - maxD[i]) / zd));
            else {
                float m = u != null ? maxU[i] : maxD[i], z = u != null ? zu : zd;
                unc = 1 - Math.max(1 - m, m) / z;
            }
            uncertainty[i] = Math.max(0f, Math.min(1f, unc));
        }
    }

    private void accumulate(Patch p, int c, float[] max, float[] sum, int[] arg) {
        if (p == null) return;
        for (int r = 0; r < p.height(); r++)
            for (int q = 0; q < p.width(); q++) {
                int i = (p.y0() + r) * width + p.x0() + q;
                float v = p.data()[r * p.width() + q];
                sum[i] += v;
                if (v > max[i]) { max[i] = v; arg[i] = c; }
            }
    }

    /** Adds |q_up - q_down| of one channel, q = value / (1 - max + sum): both maps made distributions over channels. */
    private void disagreement(Patch pu, Patch pd) {
        if (pu == null && pd == null) return;
        int[] box = Patch.union(pu, pd);
        for (int y = box[0]; y < box[2]; y++)
            for (int x = box[1]; x < box[3]; x++) {
                int i = y * width + x;
                float a = pu == null ? 0f : pu.get(y, x) / (1 - maxU[i] + sumU[i]);
                float b = pd == null ? 0f : pd.get(y, x) / (1 - maxD[i] + sumD[i]);
                acc[i] += Math.abs(a - b);
            }
    }

    /** The fused soft map of the last slice fused. */
    SoftLabels fusedMap() { return fusedMap; }

    int[] up() { return up; }

    int[] down() { return down; }

    float[] uncertainty() { return uncertainty; }
}
