// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelprop.SampleTemplates;
import org.labelprop.bench.AtlasSelection.Side;
import org.labelprop.io.Nifti;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.SliceAxis;

/** The eight cases as built from mricron-data 1.2.20211006 (skipped without the data). */
class DevelopmentSuiteTest {
    static SuiteTemplates templates;
    static List<BenchmarkCase> cases;

    record Expected(String name, String shape, Spacing spacing, SliceAxis axis, int labels, int three, int every, int perStructure) { }

    static final List<Expected> EXPECTED = List.of(
        new Expected(DevelopmentSuite.DEEP_GREY, "94x82x68", Spacing.isotropic(1), SliceAxis.Z, 12, 3, 6, 21),
        new Expected(DevelopmentSuite.BRODMANN, "84x189x143", Spacing.isotropic(1), SliceAxis.Z, 10, 3, 14, 23),
        new Expected(DevelopmentSuite.TEMPORAL, "73x134x82", Spacing.isotropic(1), SliceAxis.Y, 8, 3, 13, 22),
        new Expected(DevelopmentSuite.OCCIPITAL, "130x92x81", Spacing.isotropic(1), SliceAxis.Z, 12, 3, 7, 25),
        new Expected(DevelopmentSuite.MEDIAL_FRONTAL, "56x141x104", Spacing.isotropic(1), SliceAxis.X, 10, 3, 5, 19),
        new Expected(DevelopmentSuite.OCCIPITAL_THICK, "130x92x16", new Spacing(1, 1, 5), SliceAxis.Z, 12, 3, 5, 12),
        new Expected(DevelopmentSuite.TEMPORAL_THICK, "73x44x82", new Spacing(1, 3, 1), SliceAxis.Y, 8, 3, 14, 17),
        new Expected(DevelopmentSuite.INIA19, "71x165x104", Spacing.isotropic(0.5), SliceAxis.Y, 12, 3, 16, 32));

    static SuiteTemplates load(Path dir) throws Exception {
        String[] f = SuiteTemplates.FILES;
        return new SuiteTemplates(Nifti.readVolume(dir.resolve(f[0])), Nifti.readLabels(dir.resolve(f[1])), Nifti.readLabels(dir.resolve(f[2])),
            Nifti.readVolume(dir.resolve(f[3])), Nifti.readLabels(dir.resolve(f[4])));
    }

    @BeforeAll
    static void build() throws Exception {
        templates = load(SampleTemplates.require());
        cases = DevelopmentSuite.build(templates, DevelopmentSuite.ALL);
        System.out.print(SuiteTable.describe(cases));
    }

    @Test
    void everyCaseHasItsShapeSpacingAxisLabelsAndProtocols() {
        assertThat(cases).extracting(BenchmarkCase::name).containsExactlyElementsOf(DevelopmentSuite.ALL);
        for (int i = 0; i < cases.size(); i++) {
            BenchmarkCase c = cases.get(i);
            Expected e = EXPECTED.get(i);
            assertThat(c.image().shape().toString()).as(c.name()).isEqualTo(e.shape);
            assertThat(c.image().grid().spacing()).as(c.name()).isEqualTo(e.spacing);
            assertThat(c.axis()).as(c.name()).isEqualTo(e.axis);
            assertThat(c.truth().labels()).as(c.name()).hasSize(e.labels).endsWith(e.labels);
            int[] sizes = c.protocols().values().stream().mapToInt(s -> s.length).toArray();
            assertThat(sizes).as(c.name()).containsExactly(e.three, e.every, e.perStructure);
        }
    }

    @Test
    void firstCaseIsTodaysBenchmarkCasePlusPerStructure() {
        BenchmarkCase today = AalDeepGreyMatter.build(templates.ch2(), templates.aal()), suite = cases.get(0);
        assertThat(suite.image().array()).isEqualTo(today.image().array());
        assertThat(suite.truth().array()).isEqualTo(today.truth().array());
        assertThat(suite.protocols().get(Protocols.THREE_SLICES)).containsExactly(12, 34, 56);
        assertThat(suite.protocols().get("every 10th")).isEqualTo(today.protocols().get(AalDeepGreyMatter.EVERY_TENTH));
        assertThat(suite.protocols()).containsKey(Protocols.PER_STRUCTURE);
    }

    @Test
    void rightHemisphereSelectionsAreTheLargestAtlasLabelsThere() {
        // cross-checked with nibabel: world x > 0, voxel counts, ties by value
        assertThat(AtlasSelection.largest(templates.brodmann(), 10, Side.RIGHT)).containsExactly(6, 7, 10, 11, 18, 19, 20, 21, 37, 48);
        assertThat(AtlasSelection.largest(templates.neuroMaps(), 12, Side.RIGHT))
            .containsExactly(1001, 1002, 1004, 1037, 1045, 1054, 1055, 1058, 1147, 1193, 1196, 1237);
        for (String name : List.of(DevelopmentSuite.BRODMANN, DevelopmentSuite.INIA19)) {
            BenchmarkCase c = cases.get(DevelopmentSuite.ALL.indexOf(name));
            // every labelled voxel lies right of the midline
            int[] t = c.truth().array();
            var s = c.image().shape();
            for (int z = 0, i = 0; z < s.nz(); z++)
                for (int y = 0; y < s.ny(); y++)
                    for (int x = 0; x < s.nx(); x++, i++)
                        if (t[i] != 0) assertThat(c.image().grid().affine().apply(x, y, z)[0]).as(name).isPositive();
        }
    }

    @Test
    void thickCasesAverageSlabsOfTheThinCrop() {
        BenchmarkCase thin = cases.get(DevelopmentSuite.ALL.indexOf(DevelopmentSuite.OCCIPITAL));
        BenchmarkCase thick = cases.get(DevelopmentSuite.ALL.indexOf(DevelopmentSuite.OCCIPITAL_THICK));
        // thick slice 3 = mean of thin slices 15..19, centred on thin slice 17 in world space
        double sum = 0;
        for (int k = 15; k < 20; k++) sum += thin.image().get(40, 50, k);
        assertThat(thick.image().get(40, 50, 3)).isEqualTo((float) (sum / 5));
        assertThat(thick.image().grid().affine().apply(40, 50, 3)).containsExactly(thin.image().grid().affine().apply(40, 50, 17));
        Map<String, int[]> p = thick.protocols();
        assertThat(p).containsOnlyKeys(Protocols.THREE_SLICES, "every 3rd", Protocols.PER_STRUCTURE);
    }
}
