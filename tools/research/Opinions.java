import java.util.*;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.flow.TvL1Options;
import org.labelprop.metrics.*;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.*;

/**
 * Which fields to mix: the network refined under the annotations (N), TV-L1 flow (F), and flow refined under the annotations
 * like the network (C: refinement started from the flow's displacements, hook lp.v0flow of direct-experiments.patch).
 * Prints the Dice of N+F (the default), N+C, C alone, C+F, each pair mixed half and half, and NG15/20/25: N with C on the pairs
 * of gaps longer than 15/20/25 mm and F elsewhere as the second opinion. args: suite protos [fullres: true to refine C at full resolution]
 */
public class Opinions {
    public static void main(String[] a) throws Exception {
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            var c = run.c();
            NeighbourFields n = Harness.deepFields(run, 0);
            System.setProperty("lp.v0flow", "true");
            if (a.length > 2) System.setProperty("lp.fullres", a[2]);
            NeighbourFields cf = Harness.deepFields(run, 0);
            System.clearProperty("lp.v0flow");
            System.clearProperty("lp.fullres");
            NeighbourFields f = new FlowRegistrar(TvL1Options.defaults(), 2).fields(c.image(), c.axis(), ProgressListener.NONE);
            Map<String, NeighbourFields> v = new LinkedHashMap<>();
            v.put("NF", n.withSecondOpinion(f, 0.5));
            v.put("NC", n.withSecondOpinion(cf, 0.5));
            v.put("C", cf);
            v.put("CF", cf.withSecondOpinion(f, 0.5));
            // C's fields on the pairs of gaps longer than G mm, F's elsewhere, as the second opinion
            int[] ann = run.scan().slices().slices();
            double mm = c.image().grid().spacing().along(c.axis().index());
            for (double g : new double[] {15, 20, 25}) {
                List<org.labelprop.field.DisplacementField> up = new ArrayList<>(f.up()), down = new ArrayList<>(f.down());
                for (int j = 0; j + 1 < ann.length; j++)
                    if ((ann[j + 1] - ann[j]) * mm > g)
                        for (int i = ann[j]; i < ann[j + 1]; i++) { up.set(i, cf.up().get(i)); down.set(i, cf.down().get(i)); }
                v.put("NG" + (int) g, n.withSecondOpinion(new NeighbourFields(c.axis(), up, down), 0.5));
            }
            StringBuilder sb = new StringBuilder(run.label());
            for (var e : v.entrySet()) {
                double dice = Evaluation.evaluate(LabelPropagation.run(run.scan(), e.getValue(), PropagationOptions.defaults(), null).fused(),
                    c.truth(), run.sparse(), c.axis()).meanDiceInRange();
                sb.append(String.format(Locale.ROOT, " %s=%.4f", e.getKey(), dice));
            }
            System.out.println(sb); System.out.flush();
        }
    }
}
