// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.labelprop.nn.NetworkRegistrar;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.loss.LossPreset;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.training.AnnotationStack;
import org.labelprop.nn.training.SliceStack;
import org.labelprop.nn.training.Trainer;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.nn.training.TrainingReport;
import java.util.List;
import org.labelprop.metrics.Evaluation;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.LabelPropagation;
import org.labelprop.propagation.PropagationOptions;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

/**
 * Benchmark harness: trains on the bench case, computes fields (network only, refined, refinement from zero), propagates
 * and prints the mean Dice, wall times and peak RSS. Args: dir protocols(3,10) trainSeconds preset refineSteps zeroSteps.
 */
public final class BenchmarkMain {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/data/bench");
        String protocols = args.length > 1 ? args[1] : "3,10";
        double trainSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 90;
        LossPreset preset = LossPreset.of(args.length > 3 ? args[3] : "paper");
        int refine = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int zero = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        double trainLr = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        double refineLr = args.length > 7 ? Double.parseDouble(args[7]) : 0.05;
        double coarse = args.length > 8 ? Double.parseDouble(args[8]) : 0;
        LossPreset refinePreset = LossPreset.of(args.length > 9 ? args[9] : "paper");
        double smooth = args.length > 10 ? Double.parseDouble(args[10]) : Double.NaN;
        BenchCase c = BenchCase.load(dir);
        SliceAxis axis = SliceAxis.Z;
        System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
        for (String p : protocols.split(",")) {
            LabelVolume sparse = p.equals("3") ? c.sparse3() : c.sparse10();
            TrainingConfig tc = TrainingConfig.defaults().withPreset(preset).withMaxSeconds(Math.max(trainSeconds, 1)).withThreads(2)
                .withEpochs(100000).withLearningRate(trainLr);
            try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults())) {
                if (trainSeconds > 0) {
                    SliceStack stack = SliceStack.of(c.image(), axis, 8);
                    try (Trainer t = new Trainer(net, tc)) {
                        TrainingReport r = t.train(stack, AnnotationStack.of(sparse, null, stack), ProgressListener.NONE);
                        System.out.printf("[%s] train %s: %s%n", p, preset, r);
                    }
                }
                RegistrarConfig base = RegistrarConfig.defaults().withThreads(2).withLearningRate(refineLr).withCoarseFraction(coarse)
                    .withPreset(refinePreset).withSmoothness(smooth);
                if (trainSeconds > 0) run(p, "network", c, sparse, new NetworkRegistrar(net, base.withRefineSteps(0)));
                if (refine < 0) run(p, "refined20s", c, sparse, new NetworkRegistrar(net, RegistrarConfig.defaults().withThreads(2)));
                if (refine > 0) run(p, "refined" + refine, c, sparse, new NetworkRegistrar(net, base.withRefineSteps(refine)));
            }
            if (zero > 0)
                run(p, "zero" + zero, c, sparse, new NetworkRegistrar(null, RegistrarConfig.defaults().withThreads(2)
                    .withFromZero(true).withRefineSteps(zero).withLearningRate(refineLr).withCoarseFraction(coarse).withPreset(refinePreset).withSmoothness(smooth)));
        }
        System.out.println("peak RSS " + Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("?"));
        System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void run(String p, String what, BenchCase c, LabelVolume sparse, NetworkRegistrar reg) {
        long t0 = System.nanoTime();
        NeighbourFields f = reg.fields(c.image(), SliceAxis.Z, ProgressListener.NONE);
        double tf = (System.nanoTime() - t0) / 1e9;
        LabelVolume out = SimplePropagation.run(c.image(), sparse, f);
        StringBuilder b = new StringBuilder(String.format("linear %.4f", BenchDice.mean(out, c.gt(), sparse, SliceAxis.Z)));
        for (PropagationOptions o : List.of(
                PropagationOptions.defaults().withWarpMode(PropagationOptions.WarpMode.COMPOSED),
                PropagationOptions.defaults().withWarpMode(PropagationOptions.WarpMode.COMPOSED)
                    .withFusion(PropagationOptions.Fusion.DISTANCE).withDistanceConstant(0.2),
                PropagationOptions.defaults())) {
            LabelVolume fused = LabelPropagation.run(c.image(), sparse, null, f, o, ProgressListener.NONE).fused();
            b.append(String.format(" | %s/%s %.4f", o.warpMode(), o.fusion(),
                Evaluation.evaluate(fused, c.gt(), sparse, SliceAxis.Z).meanDiceInRange()));
        }
        System.out.printf("[%s] %-10s fields %.1fs  dice: %s%n", p, what, tf, b);
    }
}
