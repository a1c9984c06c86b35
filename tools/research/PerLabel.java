/** Per-label Dice in range (predicted / true voxels) of the default deep fields under propagation variants "name:prop=value;...", for one case: PerLabel "ch2 AAL medial frontal" every D L1:lp.logpool=1 (hooks: fusion-experiments.patch; h.weight sets the background weight). */
import java.util.*;
import org.labelprop.metrics.*;
import org.labelprop.propagation.*;
import org.labelprop.request.*;
public class PerLabel {
    public static void main(String[] a) throws Exception {
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            System.setProperty("h.steps", "25");
            NeighbourFields deep = Harness.deepFields(run, Refinement.defaults().flowBlend());
            for (int v = 2; v < a.length; v++) {
                String name = Harness.variant(a[v]);
                PropagationResult res = LabelPropagation.run(run.scan(), deep, PropagationOptions.defaults().withBackgroundWeight(Double.parseDouble(System.getProperty("h.weight", "0.8"))), null);
                EvaluationReport r = Evaluation.evaluate(res.fused(), run.c().truth(), run.sparse(), run.c().axis());
                StringBuilder sb = new StringBuilder(run.label() + " " + name + String.format(Locale.ROOT, " mean=%.4f", r.meanDiceInRange()));
                for (LabelEvaluation l : r.labels()) if (l.hasRange()) {
                    DiceScore d = l.diceInRange();
                    sb.append(String.format(Locale.ROOT, " %d:%.3f(p%d/t%d)", l.label(), d.value(), d.predictedVoxels(), d.truthVoxels()));
                }
                System.out.println(sb); System.out.flush();
            }
        }
    }
}
