// SPDX-License-Identifier: Apache-2.0
package org.labelprop.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FoldedProgressTest {
    @Test
    void theStagesRunInOrderAndTheirSharesSumToOne() {
        assertThat(Stage.values()).containsExactly(Stage.READING, Stage.TRAINING, Stage.FIELDS, Stage.REFINEMENT,
            Stage.SECOND_OPINION, Stage.PROPAGATION, Stage.WRITING);
        assertThat(Arrays.stream(Stage.values()).mapToDouble(Stage::share).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(Arrays.stream(Stage.values())).allSatisfy(s -> assertThat(s.share()).isPositive());
        assertThat(Stage.SECOND_OPINION.key()).isEqualTo("second_opinion");
        assertThat(Stage.SECOND_OPINION.label()).isEqualTo("second opinion (optical flow)");
        assertThat(Stage.TRAINING.label()).isEqualTo(Stage.TRAINING.key());
    }

    @Test
    void innerStagesSplitTheRangeByShareAndNeverGoBack() {
        List<long[]> seen = new ArrayList<>();
        FoldedProgress p = FoldedProgress.secondOpinion((stage, done, total) -> {
            assertThat(stage).isEqualTo(Stage.SECOND_OPINION);
            seen.add(new long[] {done, total});
        });
        p.update(Stage.FIELDS, 1, 2);        // half of FIELDS' 0.05 / 0.25 = 100
        p.update(Stage.REFINEMENT, 1, 4);    // 200 + a quarter of 800 = 400
        p.update(Stage.FIELDS, 2, 2);        // back to an earlier stage: stays at 400
        p.update(Stage.TRAINING, 5, 5);      // not folded: stays
        p.update(Stage.REFINEMENT, 9, 4);    // beyond its total: clamped to the end
        assertThat(seen).extracting(r -> r[0]).containsExactly(100L, 400L, 400L, 400L, 1000L);
        assertThat(seen).extracting(r -> r[1]).containsOnly(FoldedProgress.TOTAL);
        p.finish();                          // already complete: nothing more
        assertThat(seen).hasSize(5);
    }

    @Test
    void finishCompletesAStageWhoseLastPartNeverRan() {
        List<Long> seen = new ArrayList<>();
        FoldedProgress p = FoldedProgress.secondOpinion((stage, done, total) -> seen.add(done));
        p.update(Stage.FIELDS, 3, 3);
        p.finish();
        assertThat(seen).containsExactly(200L, FoldedProgress.TOTAL);
    }

    @Test
    void noInnerStageOrOneTwiceIsRefused() {
        assertThatThrownBy(() -> new FoldedProgress(ProgressListener.NONE, Stage.SECOND_OPINION)).hasMessageContaining("no inner stage");
        assertThatThrownBy(() -> new FoldedProgress(ProgressListener.NONE, Stage.SECOND_OPINION, Stage.FIELDS, Stage.FIELDS))
            .hasMessageContaining("twice");
    }
}
