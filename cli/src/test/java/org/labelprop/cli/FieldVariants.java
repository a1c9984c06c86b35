// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.*;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.volume.LabelVolume;

/** Dev tool, not a test: args PROTOCOL-TAG VARIANT...; trains once (checkpoint cached), dumps refined fields per variant. */
public final class FieldVariants {
    public static void main(String[] args) throws Exception {
        PrintWriter log = new PrintWriter(System.out, true);
        BenchmarkCase c = BenchmarkData.load(log, false);
        Path dir = Path.of("/work/data/fields");
        String prot = args[0].equals("3slices") ? "3 slices" : "every 10th";
        LabelVolume sparse = c.sparse(prot);
        Path ck = dir.resolve(args[0] + ".ckpt");
        if (!Files.exists(ck))
            CheckpointStore.write(DeepLabelProp.train(c.image(), sparse, null, c.axis(), TrainingConfig.defaults(), null, ProgressListener.NONE).checkpoint(), ck);
        Checkpoint m = CheckpointStore.read(ck);
        for (int i = 1; i < args.length; i++) {
            RegistrarConfig cfg = RegistrarConfig.defaults();
            for (String part : args[i].split(",")) {
                String[] kv = part.split("=");
                double v = Double.parseDouble(kv[1]);
                cfg = switch (kv[0]) {
                    case "smooth" -> cfg.withSmoothness(v);
                    case "lr" -> cfg.withLearningRate(v);
                    case "coarse" -> cfg.withCoarseFraction(v);
                    case "steps" -> cfg.withRefineSteps((int) v);
                    case "secs" -> cfg.withRefineSeconds(v);
                    default -> throw new IllegalArgumentException(part);
                };
            }
            long t0 = System.nanoTime();
            NeighbourFields f = DeepLabelProp.registrar(m, cfg).fields(c.image(), c.axis(), ProgressListener.NONE);
            String tag = args[0] + "_" + args[i].replace(',', '_').replace("=", "");
            FieldDump.write(dir.resolve(tag + "_up.f32"), f.up());
            FieldDump.write(dir.resolve(tag + "_down.f32"), f.down());
            log.printf("%s done in %.0f s%n", tag, (System.nanoTime() - t0) / 1e9);
        }
    }
}
