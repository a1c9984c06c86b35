// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.*;
import java.util.ArrayList;
import java.util.List;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.field.DisplacementField;
import org.labelprop.metrics.Evaluation;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.*;
import org.labelprop.volume.LabelVolume;

/** Dev tool, not a test: scores propagation options on dumped fields. Args: FIELD-TAG PROTOCOL(3|10). */
public final class FieldScore {
    public static void main(String[] args) throws Exception {
        BenchmarkCase c = BenchmarkData.load(new PrintWriter(System.out, true), false);
        String prot = args[1].equals("3") ? "3 slices" : "every 10th";
        NeighbourFields f = new NeighbourFields(c.axis(), read("/work/data/fields/" + args[0] + "_up.f32", c),
            read("/work/data/fields/" + args[0] + "_down.f32", c));
        LabelVolume sparse = c.sparse(prot);
        PropagationOptions d = PropagationOptions.defaults();
        for (var e : java.util.Map.of("original", PropagationOptions.original(), "defaults", d,
                "auto-nosmooth", d.withFieldSmoothing(0).withSliceSmoothing(0), "ncc+smooth", d.withFusion(PropagationOptions.Fusion.NCC)).entrySet()) {
            long t0 = System.nanoTime();
            PropagationResult r = LabelPropagation.run(c.image(), sparse, null, f, e.getValue(), ProgressListener.NONE);
            double t = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s %-14s dice %.4f  (%.2f s)%n", args[0], e.getKey(),
                Evaluation.evaluate(r.fused(), c.truth(), sparse, c.axis()).meanDiceInRange(), t);
        }
    }

    static List<DisplacementField> read(String p, BenchmarkCase c) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(Path.of(p))).order(ByteOrder.LITTLE_ENDIAN);
        var g = org.labelprop.volume.SliceGeometry.of(c.image().shape(), c.axis(), 0);
        int h = g.height(), w = g.width(), n = c.image().shape().size(c.axis()) - 1;
        List<DisplacementField> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] dy = new float[h * w], dx = new float[h * w];
            for (int j = 0; j < dy.length; j++) dy[j] = b.getFloat();
            for (int j = 0; j < dx.length; j++) dx[j] = b.getFloat();
            l.add(new DisplacementField(h, w, dy, dx));
        }
        return l;
    }
}
