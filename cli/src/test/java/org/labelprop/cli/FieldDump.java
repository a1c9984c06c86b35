// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.*;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.*;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.field.DisplacementField;
import org.labelprop.metrics.Evaluation;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.TrainedModel;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.*;
import org.labelprop.volume.LabelVolume;

/** Dev tool, not a test: dumps the default deep fields of each benchmark protocol as raw float32 for analysis. */
public final class FieldDump {
    public static void main(String[] args) throws Exception {
        PrintWriter log = new PrintWriter(System.out, true);
        BenchmarkCase c = BenchmarkData.load(log, false);
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/data/fields");
        Files.createDirectories(dir);
        if (args.length > 1 && args[1].equals("zero")) {
            NeighbourFields z = DeepLabelProp.registrar(null, RegistrarConfig.defaults().withFromZero(true).withRefineSteps(100)).fields(c.image(), c.axis(), ProgressListener.NONE);
            write(dir.resolve("zero100_up.f32"), z.up());
            write(dir.resolve("zero100_down.f32"), z.down());
            return;
        }
        for (String prot : c.protocols().keySet()) {
            LabelVolume sparse = c.sparse(prot);
            String tag = prot.replaceAll("[^a-z0-9]", "");
            long t0 = System.nanoTime();
            TrainedModel m = DeepLabelProp.train(c.image(), sparse, null, c.axis(), TrainingConfig.defaults(), null, ProgressListener.NONE);
            NeighbourFields f = DeepLabelProp.registrar(m.checkpoint(), RegistrarConfig.defaults()).fields(c.image(), c.axis(), ProgressListener.NONE);
            write(dir.resolve(tag + "_up.f32"), f.up());
            write(dir.resolve(tag + "_down.f32"), f.down());
            NeighbourFields g = DeepLabelProp.registrar(m.checkpoint(), RegistrarConfig.networkOnly()).fields(c.image(), c.axis(), ProgressListener.NONE);
            write(dir.resolve(tag + "net_up.f32"), g.up());
            write(dir.resolve(tag + "net_down.f32"), g.down());
            PropagationResult r = LabelPropagation.run(c.image(), sparse, null, f, PropagationOptions.defaults(), ProgressListener.NONE);
            double dice = Evaluation.evaluate(r.fused(), c.truth(), sparse, c.axis()).meanDiceInRange();
            log.printf("%s (%s): dice %.4f  %.0f s%n", prot, tag, dice, (System.nanoTime() - t0) / 1e9);
        }
    }

    static void write(Path p, java.util.List<DisplacementField> l) throws IOException {
        DisplacementField f0 = l.get(0);
        ByteBuffer b = ByteBuffer.allocate(l.size() * 2 * f0.height() * f0.width() * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (DisplacementField x : l) { for (float v : x.dyArray()) b.putFloat(v); for (float v : x.dxArray()) b.putFloat(v); }
        Files.write(p, b.array());
    }
}
