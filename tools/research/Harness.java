import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.bench.DevelopmentSuite;
import org.labelprop.bench.SuiteTemplates;
import org.labelprop.io.Nifti;
import org.labelprop.nn.TorchEngine;
import org.labelprop.pipeline.PreparedNetwork;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.propagation.SparseScan;
import org.labelprop.request.Refinement;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.volume.LabelVolume;

/** What the research harnesses share: the development suite's cases from the cached mricron-data, protocol kinds. */
final class Harness {
    private Harness() { }

    /** The cases of {@code suite}: "all", "quick", or case names separated by '|'. */
    static List<BenchmarkCase> cases(String suite) throws Exception {
        Path t = Path.of(System.getProperty("user.home"), ".cache/labelprop/mricron-data/usr/share/mricron/templates");
        List<String> names = suite.equals("all") ? DevelopmentSuite.ALL : suite.equals("quick") ? DevelopmentSuite.QUICK
            : List.of(suite.split("\\|"));
        SuiteTemplates st = new SuiteTemplates(Nifti.readVolume(t.resolve("ch2.nii.gz")), Nifti.readLabels(t.resolve("aal.nii.gz")),
            Nifti.readLabels(t.resolve("brodmann.nii.gz")), Nifti.readVolume(t.resolve("inia19-t1-brain.nii.gz")),
            Nifti.readLabels(t.resolve("inia19-NeuroMaps.nii.gz")));
        return DevelopmentSuite.build(st, names);
    }

    /** One case and protocol of the suite: its sparse annotation and the scan to propagate (no hints). */
    record Run(BenchmarkCase c, String protocol, LabelVolume sparse, SparseScan scan) {
        /** The start of this run's output line: case and protocol in fixed-width columns. */
        String label() { return String.format(java.util.Locale.ROOT, "%-24s %-16s", c.name(), protocol); }
    }

    /** The runs of {@code suite} ({@link #cases}) whose protocol kind is in {@code kindsCsv} ({@link #kinds}). */
    static List<Run> runs(String suite, String kindsCsv) throws Exception {
        Set<String> wanted = kinds(kindsCsv);
        List<Run> out = new ArrayList<>();
        for (BenchmarkCase c : cases(suite))
            for (String p : c.protocols().keySet()) {
                if (!wanted.contains(kind(p))) continue;
                LabelVolume sparse = c.sparse(p);
                out.add(new Run(c, p, sparse, SparseScan.of(c.image(), sparse, null, c.axis())));
            }
        return out;
    }

    /**
     * The default pipeline's fields for {@code run} (its scan's image): the shipped network refined under the run's annotations, with TV-L1
     * flow as a second opinion of share {@code flowBlend} (0: none). System properties h.steps, h.aw and h.dts override the refinement's
     * steps, annotation weight and dense training steps.
     */
    static NeighbourFields deepFields(Run run, double flowBlend) throws Exception {
        BenchmarkCase c = run.c();
        Refinement d = Refinement.defaults();
        Refinement ref = new Refinement(Integer.getInteger("h.steps", Refinement.DEFAULT_STEPS), null,
            Double.parseDouble(System.getProperty("h.aw", Double.toString(d.annotationWeight()))), flowBlend,
            Integer.getInteger("h.dts", Refinement.DEFAULT_DENSE_TRAINING_STEPS));
        SegmentationRequest r = SegmentationRequest.defaults().withAxis(Integer.toString(c.axis().index())).withRefinement(ref);
        try (PreparedNetwork n = new TorchEngine(Path::of, 0).prepare(r, run.scan(), null)) {
            return n.registrar().fields(run.scan().image(), c.axis(), ProgressListener.NONE);
        }
    }

    /**
     * Sets up variant "name:key=value;key=value...": clears every lp.* and h.* system property, then sets the variant's.
     * Returns its name.
     */
    static String variant(String spec) {
        String[] nv = spec.split(":", 2);
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("lp.") || k.startsWith("h.")).forEach(System::clearProperty);
        if (nv.length > 1) for (String kv : nv[1].split(";")) { String[] x = kv.split("="); System.setProperty(x[0], x[1]); }
        return nv[0];
    }

    /** "3", "every" or "per" for a protocol name of the suite. */
    static String kind(String protocol) {
        return protocol.startsWith("every") ? "every" : protocol.equals("3 slices") ? "3" : "per";
    }

    /** The kinds of a comma-separated argument ("3,every,per"). */
    static Set<String> kinds(String csv) { return new HashSet<>(Arrays.asList(csv.split(","))); }
}
