import java.nio.file.*;
import java.util.*;
import org.labelprop.bench.*;
import org.labelprop.metrics.*;
import org.labelprop.pipeline.*;
import org.labelprop.propagation.*;
import org.labelprop.request.*;
import org.labelprop.volume.*;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.nn.TorchEngine;
import org.labelprop.progress.ProgressListener;

/**
 * Flow as a second opinion: refined network fields (blend 0) once per run, TV-L1 fields per variant, propagated with the
 * flow's soft maps mixed in (share 0.3 / 0.4 / 0.5, TV-L1 attachment 7.5 / 30, 10 warps). args: suite protos.
 */
public class SecondOpinion {
    public static void main(String[] a) throws Exception {
        Path t = Path.of(System.getProperty("user.home"), ".cache/labelprop/mricron-data/usr/share/mricron/templates");
        List<String> names = a[0].equals("all") ? DevelopmentSuite.ALL : List.of(a[0].split("\\|"));
        var io = new Object() { Volume v(String f) throws Exception { return org.labelprop.io.Nifti.readVolume(t.resolve(f)); }
            LabelVolume l(String f) throws Exception { return org.labelprop.io.Nifti.readLabels(t.resolve(f)); } };
        SuiteTemplates st = new SuiteTemplates(io.v("ch2.nii.gz"), io.l("aal.nii.gz"), io.l("brodmann.nii.gz"), io.v("inia19-t1-brain.nii.gz"), io.l("inia19-NeuroMaps.nii.gz"));
        Set<String> protos = new HashSet<>(Arrays.asList(a[1].split(",")));
        for (BenchmarkCase c : DevelopmentSuite.build(st, names)) {
            for (var p : c.protocols().entrySet()) {
                String kind = p.getKey().startsWith("every") ? "every" : p.getKey().equals("3 slices") ? "3" : "per";
                if (!protos.contains(kind)) continue;
                LabelVolume sparse = c.sparse(p.getKey());
                SparseScan scan = SparseScan.of(c.image(), sparse, null, c.axis());
                SegmentationRequest r = SegmentationRequest.defaults().withAxis(Integer.toString(c.axis().index())).withRefinement(Refinement.defaults().withFlowBlend(0));
                NeighbourFields deep;
                try (PreparedNetwork n = new TorchEngine(Path::of, 0).prepare(r, scan, null)) { deep = n.registrar().fields(c.image(), c.axis(), ProgressListener.NONE); }
                StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %-16s", c.name(), p.getKey()));
                PropagationOptions D = PropagationOptions.defaults();
                org.labelprop.flow.TvL1Options T = org.labelprop.flow.TvL1Options.defaults();
                Object[][] v = {{"S3", T, 0.3}, {"S4", T, 0.4}, {"S5", T, 0.5}, {"a7", T.withAttachment(7.5), 0.5},
                    {"a30", T.withAttachment(30), 0.5}, {"w10", T.withWarps(10), 0.5}};
                for (Object[] x : v) {
                    NeighbourFields flow = new FlowRegistrar((org.labelprop.flow.TvL1Options) x[1], 2).fields(c.image(), c.axis(), ProgressListener.NONE);
                    PropagationResult res = LabelPropagation.run(scan, deep.withSecondOpinion(flow, (Double) x[2]), D, null);
                    sb.append(String.format(Locale.ROOT, " %s=%.4f", x[0], Evaluation.evaluate(res.fused(), c.truth(), sparse, c.axis()).meanDiceInRange()));
                }
                System.out.println(sb); System.out.flush();
            }
        }
    }
}
