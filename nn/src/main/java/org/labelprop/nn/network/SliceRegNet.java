// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.network;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.labelprop.nn.layer.VecInt;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.tensor.Tensors;

/**
 * The VxmDense analogue of the original LabelProp network: input {@code cat[moving, fixed]} (B×2×H×W), a {@link UNet2d}
 * backbone with 16 output features, and a 3×3 {@code flow} convolution (weights ~ N(0, 1e-5), bias 0) giving a stationary
 * velocity field in pixels, channel 0 = rows (y), channel 1 = columns (x). The displacement is {@code exp(v)} by
 * {@link VecInt}. Owns its weights (native); close it.
 */
public final class SliceRegNet implements AutoCloseable {
    private final NetworkConfig config;
    private final ParameterSet params = new ParameterSet();
    private final UNet2d unet;
    private final Tensor flowWeight, flowBias;

    public SliceRegNet(NetworkConfig config) {
        NativeRuntime.init();
        this.config = config;
        SplittableRandom rng = new SplittableRandom(config.seed());
        int features = config.channels().get(0);
        unet = new UNet2d(params, "unet", 2, features, config.channels(), true, rng);
        float[] w = new float[2 * features * 9];
        for (int i = 0; i < w.length; i++) w[i] = (float) (nextGaussian(rng) * 1e-5);
        flowWeight = params.add("flow.weight", w, 2, features, 3, 3);
        flowBias = params.add("flow.bias", new float[2], 2);
    }

    /** Output channels the flow convolution is computed with (2 used), see {@link #velocity}. */
    static final long FLOW_CHANNELS_COMPUTED = 16;

    public NetworkConfig config() { return config; }

    /** Stationary velocity (B×2×H×W, pixels) carrying {@code moving} onto {@code fixed} (each B×1×H×W). */
    public Tensor velocity(Tensor moving, Tensor fixed) {
        long h = moving.size(2), w = moving.size(3), m = config.sizeMultiple();
        if (h % m != 0 || w % m != 0)
            throw new IllegalArgumentException("slice size " + h + "×" + w + " must be a multiple of " + m + " (pad it)");
        Tensor features = unet.forward(Tensors.cat(1, moving, fixed));
        // oneDNN's backward of a convolution with 2 output channels now and then returns NaN in the input gradient (here 1
        // to 3 passes in 200 of this network, 8 output channels still 3 in 200; none in 600 isolated passes without
        // oneDNN, none in 800 network passes with 16 channels), which poisons every weight at the next step. The head
        // therefore runs with 14 constant zero channels appended, a full channel block, and keeps the first 2: the same
        // velocity, weights and gradients, a NaN-free backward.
        long pad = FLOW_CHANNELS_COMPUTED - 2;
        Tensor w8 = Tensors.cat(0, flowWeight, torch.zeros(pad, flowWeight.size(1), 3, 3));
        Tensor b8 = Tensors.cat(0, flowBias, torch.zeros(pad));
        return torch.conv2d(features, w8, new TensorOptional(b8), new long[] {1, 1}, new long[] {1, 1}, new long[] {1, 1}, 1)
            .narrow(1, 0, 2);
    }

    /** The displacement {@code exp(v)} of a velocity from {@link #velocity}. */
    public Tensor displacement(Tensor velocity) { return VecInt.integrate(velocity, config.integrationSteps()); }

    /** The trainable tensors, for an optimiser. */
    public TensorVector parameters() { return params.vector(); }

    /** Number of trainable weights (114,207 for the default configuration). */
    public long parameterCount() { return params.count(); }

    /** A copy of the weights by name. */
    public Map<String, float[]> weights() { return params.snapshot(); }

    /** Replaces the weights (names and sizes must match). */
    public void loadWeights(Map<String, float[]> weights) { params.load(weights); }

    public long[] weightShape(String name) { return params.shape(name); }

    @Override
    public void close() { params.close(); }

    private static double nextGaussian(SplittableRandom rng) {   // Box–Muller: SplittableRandom has no nextGaussian in 17
        double u1 = rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
