import java.nio.file.*;
import java.util.*;
import org.labelprop.bench.*;
import org.labelprop.metrics.*;
import org.labelprop.pipeline.*;
import org.labelprop.propagation.*;
import org.labelprop.request.*;
import org.labelprop.volume.*;
import org.labelprop.nn.TorchEngine;
import org.labelprop.progress.ProgressListener;

/** Fields once per (case, protocol) with the deep default, then many inference variants. args: suite protos steps aw. */
public class Infer {
    public static void main(String[] a) throws Exception {
        Set<String> protos = Harness.kinds(a[1]);
        int steps = Integer.parseInt(a[2]); double aw = Double.parseDouble(a[3]);
        for (BenchmarkCase c : Harness.cases(a[0])) {
            double sp = c.image().grid().spacing().along(c.axis().index());
            Map<String, PropagationOptions> variants = new LinkedHashMap<>();
            var F = PropagationOptions.Fusion.class;
            var MAX = PropagationOptions.Background.ONE_MINUS_MAX; var SUM = PropagationOptions.Background.ONE_MINUS_SUM;
            var SEQ = PropagationOptions.WarpMode.SEQUENTIAL;
            double ss = Math.min(1.0, 1.0 / sp);
            variants.put("D", PropagationOptions.defaults().withBackgroundWeight(1));
            variants.put("R", PropagationOptions.flowReference());
            variants.put("Amm", new PropagationOptions(PropagationOptions.Fusion.AUTO, 1, SEQ, false, 31, 1, ss, MAX, 1, 0));
            variants.put("AmmS", new PropagationOptions(PropagationOptions.Fusion.AUTO, 1, SEQ, false, 31, 1, ss, SUM, 1, 0));
            variants.put("Lmm", new PropagationOptions(PropagationOptions.Fusion.LINEAR, 1, SEQ, false, 31, 1, ss, MAX, 1, 0));
            variants.put("LmmS", new PropagationOptions(PropagationOptions.Fusion.LINEAR, 1, SEQ, false, 31, 1, ss, SUM, 1, 0));
            variants.put("L00M", new PropagationOptions(PropagationOptions.Fusion.LINEAR, 1, SEQ, false, 31, 0, 0, MAX, 1, 0));
            variants.put("A00S", new PropagationOptions(PropagationOptions.Fusion.AUTO, 1, SEQ, false, 31, 0, 0, SUM, 1, 0));
            variants.put("Nmm", new PropagationOptions(PropagationOptions.Fusion.NCC, 1, SEQ, false, 31, 1, ss, MAX, 1, 0));
            variants.put("Dmm", new PropagationOptions(PropagationOptions.Fusion.DISTANCE, 1, SEQ, false, 31, 1, ss, MAX, 1, 0));
            variants.put("A1S", new PropagationOptions(PropagationOptions.Fusion.AUTO, 1, SEQ, false, 31, 1, 1, SUM, 1, 0));
            for (var p : c.protocols().entrySet()) {
                String kind = Harness.kind(p.getKey());
                if (!protos.contains(kind)) continue;
                LabelVolume sparse = c.sparse(p.getKey());
                SparseScan scan = SparseScan.of(c.image(), sparse, null, c.axis());
                SegmentationRequest r = new SegmentationRequest(Method.DEEP, Integer.toString(c.axis().index()), PropagationOptions.defaults(),
                    new Refinement(steps, null, aw, 0), "shipped", null, 42);
                long t0 = System.nanoTime();
                NeighbourFields f;
                try (PreparedNetwork n = new TorchEngine(Path::of, 0).prepare(r, scan, null)) { f = n.registrar().fields(c.image(), c.axis(), ProgressListener.NONE); }
                double sec = (System.nanoTime() - t0) / 1e9;
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %-16s fields %5.1fs", c.name(), p.getKey(), sec));
                for (var v : variants.entrySet()) {
                    PropagationResult res = LabelPropagation.run(scan, f, v.getValue(), null);
                    double d = Evaluation.evaluate(res.fused(), c.truth(), sparse, c.axis()).meanDiceInRange();
                    sb.append(String.format(Locale.ROOT, " %s=%.4f", v.getKey(), d));
                }
                System.out.println(sb); System.out.flush();
            }
        }
    }
}
