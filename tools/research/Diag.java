import java.nio.file.*;
import java.util.*;
import org.labelprop.bench.*;
import org.labelprop.metrics.*;
import org.labelprop.pipeline.*;
import org.labelprop.request.*;
import org.labelprop.volume.*;
import org.labelprop.nn.TorchEngine;

/** Dense protocol diagnostics: per distance to the nearest annotated slice and per label, for nearest/shape/flow/deep. */
public class Diag {
    public static void main(String[] a) throws Exception {
        String want = a.length > 0 ? a[0] : "every";
        for (BenchmarkCase c : Harness.cases("all")) {
            for (var p : c.protocols().entrySet()) {
                if (!p.getKey().startsWith(want)) continue;
                LabelVolume sparse = c.sparse(p.getKey());
                Map<String, LabelVolume> out = new LinkedHashMap<>();
                for (Method m : new Method[] {Method.NEAREST, Method.SHAPE, Method.FLOW, Method.DEEP}) {
                    SegmentationRequest r = SegmentationRequest.defaults().withAxis(Integer.toString(c.axis().index()));
                    r = new SegmentationRequest(m, r.axis(), m == Method.FLOW ? org.labelprop.propagation.PropagationOptions.flowReference() : r.inference(), r.refinement(), r.weights(), null, r.seed());
                    out.put(m.name(), Segmentation.run(r, new SegmentationInputs(c.image(), sparse, null), new TorchEngine(Path::of, 0), null).fused());
                }
                EvaluationReport ref = Evaluation.evaluate(out.get("DEEP"), c.truth(), sparse, c.axis());
                int n = c.image().shape().size(c.axis());
                System.out.println("== " + c.name() + " / " + p.getKey());
                // Dice by distance to the nearest annotated slice of the label, pooled over labels (mean of per-label Dice)
                for (String m : out.keySet()) {
                    StringBuilder sb = new StringBuilder(String.format("%-8s", m));
                    for (int d = 1; d <= 5; d++) {
                        double sum = 0; int k = 0;
                        for (LabelEvaluation le : ref.labels()) {
                            if (!le.hasRange()) continue;
                            int[] ann = le.annotatedSlices();
                            List<Integer> sl = new ArrayList<>();
                            for (int s : le.rangeSlices()) { int best = Integer.MAX_VALUE; for (int x : ann) best = Math.min(best, Math.abs(x - s)); if (best == d) sl.add(s); }
                            if (sl.isEmpty()) continue;
                            DiceScore ds = DiceScore.of(out.get(m), c.truth(), le.label(), c.axis(), sl.stream().mapToInt(Integer::intValue).toArray());
                            if (ds.bothEmpty()) continue;
                            sum += ds.value(); k++;
                        }
                        sb.append(String.format(Locale.ROOT, " d%d=%.3f", d, k == 0 ? Double.NaN : sum / k));
                    }
                    System.out.println(sb);
                }
                // per label: deep vs flow vs shape, truth voxels in range
                for (LabelEvaluation le : ref.labels()) {
                    if (!le.hasRange()) continue;
                    StringBuilder sb = new StringBuilder(String.format("  label %3d truth %7d", le.label(), le.diceInRange().truthVoxels()));
                    for (String m : out.keySet()) sb.append(String.format(Locale.ROOT, " %s=%.3f", m.substring(0, 2), DiceScore.of(out.get(m), c.truth(), le.label(), c.axis(), le.rangeSlices()).value()));
                    System.out.println(sb);
                }
                System.out.flush();
            }
        }
    }
}
