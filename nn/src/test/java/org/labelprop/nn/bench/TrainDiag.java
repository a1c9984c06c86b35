// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.bench;

import java.nio.file.Path;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.labelprop.nn.loss.LossPreset;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.tensor.Tensors;
import org.labelprop.nn.training.PairObjective;
import org.labelprop.nn.training.SliceStack;
import org.labelprop.nn.training.Trainer;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.volume.SliceAxis;

/** Diagnostic: unsupervised pair steps on the bench scan, printing loss and velocity size. */
public final class TrainDiag {
    public static void main(String[] a) throws Exception {
        BenchCase c = BenchCase.load(Path.of("/work/data/bench"));
        SliceStack s = SliceStack.of(c.image(), SliceAxis.Z, 8);
        double lr = Double.parseDouble(a[0]);
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults());
             Trainer t = new Trainer(net, TrainingConfig.defaults().withLearningRate(lr).withThreads(2));
             PointerScope outer = new PointerScope()) {
            Tensor x = Tensors.of(s.data(), s.slices(), 1, s.paddedHeight(), s.paddedWidth());
            java.util.Random r = new java.util.Random(1);
            for (int k = 0; k < 300; k++) {
                int i = r.nextInt(s.slices() - 9);
                Tensor m = x.narrow(0, i, 8), f = x.narrow(0, i + 1, 8);
                double[] vmax = new double[1];
                double loss = t.step(() -> {
                    Tensor v = net.velocity(m, f);
                    vmax[0] = Tensors.item(v.abs().mean());
                    return PairObjective.loss(LossPreset.PAPER, 7, m, f, v, true, null);
                });
                if (k % 20 == 0) System.out.printf("step %d loss %.4f mean|v| %.4f%n", k, loss, vmax[0]);
            }
        }
    }
}
