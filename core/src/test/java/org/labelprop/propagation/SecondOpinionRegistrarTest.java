// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.progress.FoldedProgress;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class SecondOpinionRegistrarTest {
    private static final Volume IMAGE = new Volume(Grid.of(new Shape3(12, 10, 5), Spacing.isotropic(1)), new float[600]);
    /** 16 x 16 x 5, a 3 x 3 square of label 1 annotated on slices 0 and 1; slices 2..4 are reached by extrapolation only. */
    private static final Grid G = PropagationFixtures.grid(16, 16, 5);
    private static final PropagationOptions ONE_WAY = new PropagationOptions(PropagationOptions.Fusion.LINEAR, 1,
        PropagationOptions.WarpMode.SEQUENTIAL, true, 31, 0, 0, PropagationOptions.Background.ONE_MINUS_SUM, 1, 0);

    @Test
    void theFirstRegistrarsFieldsCarryTheSecondsAsASecondOpinion() {
        NeighbourFields f = new SecondOpinionRegistrar(FakeRegistrar.translation(2, -1), FakeRegistrar.translation(0, 3), 0.25)
            .fields(IMAGE, SliceAxis.Z, ProgressListener.NONE);
        assertThat(f.slices()).isEqualTo(5);
        assertThat(f.secondShare()).isEqualTo(0.25);
        for (int i = 0; i < 4; i++) {
            // up fields are minus each shift: (-2, 1) for the first, (0, -3) for the second
            assertThat(f.up().get(i).dy(3, 4)).isCloseTo(-2f, within(1e-6f));
            assertThat(f.secondOpinion().up().get(i).dx(7, 2)).isCloseTo(-3f, within(1e-6f));
            assertThat(f.secondOpinion().down().get(i).dx(0, 0)).isCloseTo(3f, within(1e-6f));
        }
    }

    /** One progress report. */
    private record Report(Stage stage, long done, long total) { }

    /** Identity fields, reporting {@link Stage#FIELDS} per pair then {@code refinementSteps} steps of {@link Stage#REFINEMENT}, like the network. */
    private static SliceRegistrar refining(int refinementSteps) {
        return (image, axis, progress) -> {
            NeighbourFields f = FakeRegistrar.identity().fields(image, axis, progress);
            for (int k = 1; k <= refinementSteps; k++) progress.update(Stage.REFINEMENT, k, refinementSteps);
            return f;
        };
    }

    private static List<Report> reports(SliceRegistrar registrar) {
        List<Report> seen = new ArrayList<>();
        registrar.fields(IMAGE, SliceAxis.Z, (stage, done, total) -> seen.add(new Report(stage, done, total)));
        return seen;
    }

    /** The stages never go back, SECOND_OPINION comes after the first's own stages, and its fraction climbs to the end. */
    private static void assertOrderedWithOneSecondOpinion(List<Report> seen) {
        List<Stage> stages = seen.stream().map(Report::stage).toList();
        for (int i = 1; i < stages.size(); i++)
            assertThat(stages.get(i)).as("report %d of %s", i, seen).isGreaterThanOrEqualTo(stages.get(i - 1));
        assertThat(stages).contains(Stage.SECOND_OPINION);
        int first = stages.indexOf(Stage.SECOND_OPINION);
        assertThat(stages.subList(first, stages.size())).containsOnly(Stage.SECOND_OPINION);
        List<Report> opinion = seen.subList(first, seen.size());
        for (int i = 1; i < opinion.size(); i++)
            assertThat(opinion.get(i).done()).as("%s", opinion).isGreaterThanOrEqualTo(opinion.get(i - 1).done());
        assertThat(opinion).allSatisfy(r -> assertThat(r.total()).isEqualTo(FoldedProgress.TOTAL));
        assertThat(opinion.get(opinion.size() - 1).done()).isEqualTo(FoldedProgress.TOTAL);
    }

    @Test
    void theSecondOpinionReportsOneStageAfterTheFirstsOwn() {
        List<Report> seen = reports(new SecondOpinionRegistrar(refining(3), refining(5), 0.5));
        assertOrderedWithOneSecondOpinion(seen);
        // the first's stages unchanged: 4 pairs of fields, 3 refinement steps
        assertThat(seen.subList(0, 7)).extracting(Report::stage, Report::done, Report::total).containsExactly(
            tuple(Stage.FIELDS, 1L, 4L), tuple(Stage.FIELDS, 2L, 4L), tuple(Stage.FIELDS, 3L, 4L), tuple(Stage.FIELDS, 4L, 4L),
            tuple(Stage.REFINEMENT, 1L, 3L), tuple(Stage.REFINEMENT, 2L, 3L), tuple(Stage.REFINEMENT, 3L, 3L));
        // the second's fields take FIELDS' part of the range (0.05 of 0.25: up to 200), its refinement the rest
        assertThat(seen.subList(7, seen.size())).extracting(Report::done)
            .containsExactly(50L, 100L, 150L, 200L, 360L, 520L, 680L, 840L, 1000L);
    }

    @Test
    void aSecondOpinionWithoutRefinementStillEndsItsStage() {
        // TV-L1 flow refines nothing without a long gap: FIELDS only, then the stage is completed
        List<Report> seen = reports(new SecondOpinionRegistrar(refining(2), FlowRegistrar.defaults(), 0.5));
        assertOrderedWithOneSecondOpinion(seen);
        assertThat(seen).extracting(Report::stage).contains(Stage.FIELDS, Stage.REFINEMENT);
        // a registrar that reports nothing still shows the stage once, finished
        List<Report> silent = reports(new SecondOpinionRegistrar(refining(0), (image, axis, progress) ->
            FakeRegistrar.identity().fields(image, axis, ProgressListener.NONE), 0.5));
        assertOrderedWithOneSecondOpinion(silent);
        assertThat(silent.stream().filter(r -> r.stage() == Stage.SECOND_OPINION).toList())
            .containsExactly(new Report(Stage.SECOND_OPINION, FoldedProgress.TOTAL, FoldedProgress.TOTAL));
    }

    @Test
    void aShareOutsideTheUnitIntervalOrANestedOpinionIsRefused() {
        assertThatThrownBy(() -> new SecondOpinionRegistrar(FakeRegistrar.identity(), FakeRegistrar.identity(), 0))
            .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new SecondOpinionRegistrar(FakeRegistrar.identity(), FakeRegistrar.identity(), 1.5))
            .hasMessageContaining("1.5");
        NeighbourFields plain = FakeRegistrar.identity().fields(IMAGE, SliceAxis.Z, ProgressListener.NONE);
        NeighbourFields withOpinion = plain.withSecondOpinion(plain, 0.5);
        assertThatThrownBy(() -> plain.withSecondOpinion(withOpinion, 0.5)).hasMessageContaining("of its own");
        NeighbourFields shorter = FakeRegistrar.identity().fields(new Volume(Grid.of(new Shape3(12, 10, 4), Spacing.isotropic(1)),
            new float[480]), SliceAxis.Z, ProgressListener.NONE);
        assertThatThrownBy(() -> plain.withSecondOpinion(shorter, 0.5)).hasMessageContaining("4 slices");
    }

    @Test
    void withAShareOfOneThePropagationIsTheSecondRegistrarsAlone() {
        PropagationResult mixed = run(new SecondOpinionRegistrar(FakeRegistrar.identity(), FakeRegistrar.translation(1, 2), 1.0));
        PropagationResult alone = run(FakeRegistrar.translation(1, 2));
        assertThat(mixed.fused().array()).containsExactly(alone.fused().array());
        assertThat(mixed.up().array()).containsExactly(alone.up().array());
    }

    @Test
    void theSoftMapsAreMixedByTheShare() {
        // the first keeps the square in place, the second moves it 2 columns per slice: they overlap on one column
        LabelVolume first = run(FakeRegistrar.identity()).fused(), second = run(FakeRegistrar.translation(0, 2)).fused();
        LabelVolume mostlySecond = run(new SecondOpinionRegistrar(FakeRegistrar.identity(), FakeRegistrar.translation(0, 2), 0.6)).fused();
        LabelVolume mostlyFirst = run(new SecondOpinionRegistrar(FakeRegistrar.identity(), FakeRegistrar.translation(0, 2), 0.4)).fused();
        int onlyFirst = 0, onlySecond = 0;
        for (int z = 2; z < 5; z++)
            for (int y = 0; y < 16; y++)
                for (int x = 0; x < 16; x++) {
                    boolean a = first.get(x, y, z) == 1, b = second.get(x, y, z) == 1;
                    // a label covered by one member only wins when that member's share exceeds 1/2 (background 1 - sum)
                    assertThat(mostlySecond.get(x, y, z) == 1).as("share 0.6 at %d,%d,%d", x, y, z).isEqualTo(b);
                    assertThat(mostlyFirst.get(x, y, z) == 1).as("share 0.4 at %d,%d,%d", x, y, z).isEqualTo(a);
                    if (a && !b) onlyFirst++;
                    if (b && !a) onlySecond++;
                }
        assertThat(onlyFirst).isPositive();
        assertThat(onlySecond).isPositive();
    }

    private static PropagationResult run(SliceRegistrar registrar) {
        int[] d = new int[G.shape().voxels()];
        for (int z = 0; z < 2; z++) PropagationFixtures.fill(d, G.shape(), z, 3, 6, 3, 6, 1);
        Volume blank = new Volume(G, new float[G.shape().voxels()]);
        return LabelPropagation.run(SparseScan.of(blank, new LabelVolume(G, d), null, SliceAxis.Z), registrar, ONE_WAY, null);
    }

    @Test
    void aScaledRegistrarWorksOnTheWorkingGridAndAnswersOnTheNativeOne() {
        Volume big = new Volume(Grid.of(new Shape3(40, 20, 4), Spacing.isotropic(0.5)), new float[3200]);
        int[] seen = new int[2];
        SliceRegistrar inner = (image, axis, progress) -> {
            seen[0] = image.shape().nx();
            seen[1] = image.shape().ny();
            return FakeRegistrar.translation(1, 0).fields(image, axis, progress);
        };
        // 40 x 20 slices at 0.5 mm, at most 20 px: 20 x 10 working pixels of 1 mm
        NeighbourFields f = new ScaledRegistrar(inner, 20, 1.0).fields(big, SliceAxis.Z, ProgressListener.NONE);
        assertThat(seen).containsExactly(20, 10);
        assertThat(f.up().get(0).height()).isEqualTo(20);
        assertThat(f.up().get(0).width()).isEqualTo(40);
        assertThat(f.up().get(0).dy(5, 5)).isCloseTo(-2f, within(1e-5f));   // one working row = two native rows
    }
}
