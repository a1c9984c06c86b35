// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.classical.InterpolationOptions;
import org.labelprop.classical.NearestSliceInterpolation;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;

class EvaluationTest {
    private final Grid grid = SyntheticVolumes.grid(20, 20, 16, new Spacing(1, 1, 2));

    /** Label 1: a growing disk on slices 2..13; label 2: a box on slices 0..15; label 4: a small box on slices 6..8. */
    private LabelVolume truth() {
        return SyntheticVolumes.overlay(
            SyntheticVolumes.disks(grid, SliceAxis.Z, 1, 6.5, 6.5, SyntheticVolumes.linearRadii(16, 2, 2, 13, 6)),
            SyntheticVolumes.box(grid, 2, 14, 14, 0, 18, 18, 15),
            SyntheticVolumes.box(grid, 4, 15, 2, 6, 17, 4, 8));
    }

    @Test
    void scoresEachLabelOverAllSlicesAndOverItsRange() {
        LabelVolume truth = truth();
        LabelVolume sparse = SyntheticVolumes.keepSlices(truth, SliceAxis.Z, 3, 7, 12);
        LabelVolume predicted = new NearestSliceInterpolation().interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults());
        EvaluationReport r = Evaluation.evaluate(predicted, truth, sparse, SliceAxis.Z);

        assertThat(r.labels()).extracting(LabelEvaluation::label).containsExactly(1, 2, 4);
        LabelEvaluation one = r.label(1);
        assertThat(one.annotatedSlices()).containsExactly(3, 7, 12);
        assertThat(one.rangeSlices()).containsExactly(4, 5, 6, 8, 9, 10, 11);
        assertThat(one.diceInRange().value())
            .isEqualTo(DiceScore.of(predicted, truth, 1, SliceAxis.Z, new int[] {4, 5, 6, 8, 9, 10, 11}).value())
            .isLessThan(1.0).isGreaterThan(0.5);
        assertThat(one.diceAll().value()).isEqualTo(DiceScore.of(predicted, truth, 1).value());
        assertThat(r.label(2).diceInRange().value()).isEqualTo(1.0);   // a prism is copied exactly
        LabelEvaluation four = r.label(4);                               // on annotated slice 7 only
        assertThat(four.hasRange()).isFalse();
        assertThat(four.rangeDescription()).isEqualTo("n/a");
        assertThat(r.labelsWithRange()).isEqualTo(2);
        assertThat(r.meanDiceInRange()).isCloseTo((one.diceInRange().value() + 1.0) / 2, within(1e-12));
        assertThat(r.meanDiceAll()).isCloseTo((one.diceAll().value() + r.label(2).diceAll().value() + four.diceAll().value()) / 3,
            within(1e-12));
    }

    @Test
    void labelOnlyInThePredictionIsReportedWithInfiniteDistance() {
        LabelVolume truth = truth();
        LabelVolume predicted = SyntheticVolumes.overlay(truth, SyntheticVolumes.box(grid, 9, 0, 18, 0, 1, 19, 1));
        EvaluationReport r = Evaluation.evaluate(predicted, truth, null, SliceAxis.Z);
        LabelEvaluation nine = r.label(9);
        assertThat(nine.diceAll().value()).isZero();
        assertThat(nine.hd95All().infinite()).isTrue();
        assertThat(r.label(1).diceAll().value()).isEqualTo(1.0);
        assertThat(r.meanDiceInRange()).isNaN();
        assertThat(r.toTable()).contains("inf").doesNotContain("range");
    }

    @Test
    void jsonIsValidAndUsesNullForNonFiniteValues() {
        LabelVolume truth = truth();
        LabelVolume sparse = SyntheticVolumes.keepSlices(truth, SliceAxis.Z, 3, 7, 12);
        LabelVolume predicted = SyntheticVolumes.overlay(
            new NearestSliceInterpolation().interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults()),
            SyntheticVolumes.box(grid, 9, 0, 18, 0, 1, 19, 1));
        String json = Evaluation.evaluate(predicted, truth, sparse, SliceAxis.Z).toJson();
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        @SuppressWarnings("unchecked") Map<String, Object> root = (Map<String, Object>) JsonChecker.parse(json);
        assertThat(root.get("axis")).isEqualTo("Z");
        assertThat(root.get("labelsWithRange")).isEqualTo(2.0);
        @SuppressWarnings("unchecked") List<Map<String, Object>> labels = (List<Map<String, Object>>) root.get("labels");
        assertThat(labels).hasSize(4);
        @SuppressWarnings("unchecked") Map<String, Object> nineAll = (Map<String, Object>) labels.get(3).get("all");
        assertThat(nineAll).containsEntry("hd95Mm", null).containsEntry("hdInfinite", true).containsEntry("dice", 0.0);
        assertThat(labels.get(2)).containsEntry("inRange", null).containsEntry("rangeSlices", null);
        assertThat((Double) root.get("meanDiceInRange")).isGreaterThan(0.5);
    }

    @Test
    void jsonWithoutLabelsOrAnnotationIsValidToo() {
        LabelVolume empty = LabelVolume.empty(grid);
        EvaluationReport r = Evaluation.evaluate(empty, empty, null, SliceAxis.Z);
        @SuppressWarnings("unchecked") Map<String, Object> root = (Map<String, Object>) JsonChecker.parse(r.toJson());
        assertThat(root).containsEntry("meanDiceAll", null).containsEntry("annotatedSlices", null);
        assertThat(r.toTable()).contains("n/a");
    }

    @Test
    void tableShowsOneRowPerLabelAndTheMeans() {
        LabelVolume truth = truth();
        LabelVolume sparse = SyntheticVolumes.keepSlices(truth, SliceAxis.Z, 3, 7, 12);
        String table = Evaluation.evaluate(truth, truth, sparse, SliceAxis.Z).toTable();
        String[] lines = table.split("\n");
        assertThat(lines[0]).contains("label", "dice", "hd95_mm", "range");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
        assertThat(lines[1].length()).isEqualTo(lines[2].length());   // aligned columns
        assertThat(table).contains("mean Dice in range (primary): 1.0000 over 2 label(s)");
        assertThat(lines[3]).contains("n/a");
    }

    @Test
    void benchmarkSizedVolumeWithTwelveLabelsHasARangeForEachLabel() {
        // the benchmark's size: 94x82x68 with 12 labels (its speed is reported by `labelprop benchmark`, not asserted here)
        Grid big = SyntheticVolumes.grid(94, 82, 68);
        LabelVolume truth = SyntheticVolumes.spheresOnLattice(big, 4, 3, 1, 11.0);
        LabelVolume sparse = SyntheticVolumes.keepSlices(truth, SliceAxis.Z, 25, 34, 43);
        LabelVolume predicted = new NearestSliceInterpolation().interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults());
        EvaluationReport r = Evaluation.evaluate(predicted, truth, sparse, SliceAxis.Z);
        assertThat(r.labelsWithRange()).isEqualTo(12);
        // nearest copy of spheres is imperfect between the annotated slices, but far from useless
        assertThat(r.meanDiceInRange()).isGreaterThan(0.3).isLessThan(0.99);
    }

    @Test
    void volumesOnDifferentGridsAreRejected() {
        LabelVolume truth = truth();
        LabelVolume other = LabelVolume.empty(SyntheticVolumes.grid(20, 20, 16));   // same shape, other spacing
        assertThatThrownBy(() -> Evaluation.evaluate(other, truth, null, SliceAxis.Z))
            .isInstanceOf(org.labelprop.UserInputException.class).hasMessageContaining("predicted").hasMessageContaining("same grid");
        assertThatThrownBy(() -> Evaluation.evaluate(truth, truth, LabelVolume.empty(SyntheticVolumes.grid(20, 20, 15)), SliceAxis.Z))
            .isInstanceOf(org.labelprop.UserInputException.class).hasMessageContaining("sparse annotation");
    }
}
