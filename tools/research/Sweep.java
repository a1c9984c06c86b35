import java.nio.file.*;
import java.util.*;
import org.labelprop.bench.*;
import org.labelprop.metrics.*;
import org.labelprop.pipeline.*;
import org.labelprop.propagation.*;
import org.labelprop.request.*;
import org.labelprop.volume.*;
import org.labelprop.nn.TorchEngine;

/**
 * Research sweep: args = suite(quick|all) protocols(comma) then configs "name:key=V;key=V", keys listed in tools/research/README.md
 * (e.g. steps=N refinement steps, train=N training steps, dts=N dense training steps).
 */
public class Sweep {
    public static void main(String[] a) throws Exception {
        List<BenchmarkCase> cases = Harness.cases(a[0]);
        Set<String> protos = Harness.kinds(a[1]);
        for (int i = 2; i < a.length; i++) {
            String[] nc = a[i].split(":", 2);
            Map<String, String> cfg = new LinkedHashMap<>();
            for (String kv : nc[1].split(";")) { if (kv.isBlank()) continue; String[] p = kv.split("=", 2); cfg.put(p[0], p[1]); }

            Map<String, List<Double>> byProto = new TreeMap<>();
            double totalT = 0; int runs = 0;
            for (BenchmarkCase c : cases) {
                for (var p : c.protocols().entrySet()) {
                    String kind = Harness.kind(p.getKey());
                    if (!protos.contains(kind)) continue;
                    LabelVolume sparse = c.sparse(p.getKey());
                    SegmentationRequest r = request(cfg, c);
                    long t0 = System.nanoTime();
                    SegmentationResult res = Segmentation.run(r, new SegmentationInputs(c.image(), sparse, null), new TorchEngine(Path::of, 0), null);
                    double sec = (System.nanoTime() - t0) / 1e9;
                    EvaluationReport e = Evaluation.evaluate(res.fused(), c.truth(), sparse, c.axis());
                    double d = e.meanDiceInRange();
                    System.out.printf(Locale.ROOT, "%-10s %-24s %-16s %.3f %6.1fs%n", nc[0], c.name(), p.getKey(), d, sec);
                    if (!Double.isNaN(d)) { byProto.computeIfAbsent(kind, k -> new ArrayList<>()).add(d); }
                    totalT += sec; runs++;
                }
            }
            StringBuilder sb = new StringBuilder(String.format("SUMMARY %-10s", nc[0]));
            List<Double> all = new ArrayList<>();
            for (var e : byProto.entrySet()) { sb.append(String.format(Locale.ROOT, " %s=%.4f(%d)", e.getKey(), mean(e.getValue()), e.getValue().size())); all.addAll(e.getValue()); }
            sb.append(String.format(Locale.ROOT, " all=%.4f(%d) t=%.1fs", mean(all), all.size(), totalT / Math.max(1, runs)));
            System.out.println(sb); System.out.flush();
        }
    }

    static double mean(List<Double> l) { return l.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN); }

    static SegmentationRequest request(Map<String, String> c, BenchmarkCase bc) {
        String m = c.getOrDefault("method", "deep");
        PropagationOptions d = PropagationOptions.defaults();
        PropagationOptions inf = c.containsKey("ref") ? PropagationOptions.flowReference() : new PropagationOptions(
            PropagationOptions.Fusion.valueOf(c.getOrDefault("fusion", d.fusion().name())), Double.parseDouble(c.getOrDefault("C", "1")),
            PropagationOptions.WarpMode.valueOf(c.getOrDefault("warp", "SEQUENTIAL")), false, 31,
            Double.parseDouble(c.getOrDefault("fs", "1")), Double.parseDouble(c.getOrDefault("ss", "1")),
            PropagationOptions.Background.valueOf(c.getOrDefault("bg", "ONE_MINUS_MAX")), Double.parseDouble(c.getOrDefault("bw", "1")),
            Double.parseDouble(c.getOrDefault("ip", "0")));
        Refinement refine = new Refinement(c.containsKey("steps") ? Integer.parseInt(c.get("steps")) : null, null, Double.parseDouble(c.getOrDefault("aw", "1")),
            Double.parseDouble(c.getOrDefault("blend", String.valueOf(Refinement.DEFAULT_FLOW_BLEND))),
            Integer.parseInt(c.getOrDefault("dts", String.valueOf(Refinement.DEFAULT_DENSE_TRAINING_STEPS))));
        TrainingRequest tr = c.containsKey("train") ? new TrainingRequest(c.get("train").equals("auto") ? null : Integer.parseInt(c.get("train")), null, LossSetting.PAPER, Double.parseDouble(c.getOrDefault("lr", "0"))) : null;
        return new SegmentationRequest(Method.valueOf(m.toUpperCase()), Integer.toString(bc.axis().index()), inf, refine,
            c.getOrDefault("weights", "shipped"), tr, 42);
    }
}
