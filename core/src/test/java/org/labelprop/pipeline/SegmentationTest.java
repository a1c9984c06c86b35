// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.UserInputException;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.io.Nifti;
import org.labelprop.progress.Stage;
import org.labelprop.propagation.FakeRegistrar;
import org.labelprop.propagation.Hints;
import org.labelprop.propagation.PropagationFixtures;
import org.labelprop.propagation.SliceRegistrar;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/** The one pipeline, with a fake deep engine: what runs for each request, what comes back, what is written. */
class SegmentationTest {
    static final Grid G = PropagationFixtures.grid(20, 18, 12);
    static final LabelVolume TRUTH = PropagationFixtures.movingDisk(G, 8, 8, 0.5, 0, 4, 3);
    static final Volume IMAGE = PropagationFixtures.movingImage(G, 0.5, 0, TRUTH);
    static final LabelVolume SPARSE = BenchmarkCase.keepSlices(TRUTH, SliceAxis.Z, new int[] {1, 10});

    /** A deep engine whose network is the identity registrar; it records what it was asked. */
    static final class FakeEngine implements DeepEngine {
        final List<SegmentationRequest> asked = new ArrayList<>();

        @Override public PreparedNetwork prepare(SegmentationRequest r, org.labelprop.propagation.SparseScan scan,
                                                 org.labelprop.progress.ProgressListener progress) {
            asked.add(r);
            if (r.trains()) progress.update(Stage.TRAINING, 1, 1);
            TrainingSummary t = r.trains() ? new TrainingSummary("test weights", 3, 0.1, StopReason.STEPS, 1, 0.5,
                file -> Files.writeString(file, "weights")) : null;
            return new PreparedNetwork() {
                @Override public SliceRegistrar registrar() { return FakeRegistrar.identity(); }
                @Override public TrainingSummary trainingOrNull() { return t; }
                @Override public void close() { }
            };
        }
    }

    @Test
    void imageBlindMethodsNeedNoEngineAndRankTheLargestGaps() throws Exception {
        SegmentationResult r = Segmentation.run(SegmentationRequest.defaults().withMethod(Method.NEAREST).withAxis("z"),
            new SegmentationInputs(IMAGE, SPARSE, null), null, null);
        assertThat(r.upOrNull()).isNull();
        assertThat(r.guidance().method()).isEqualTo("largest-gap");
        assertThat(r.guidance().slices().get(0).slice()).isEqualTo(5);
        assertThat(r.fused().get(8, 8, 4)).isEqualTo(3);
    }

    @Test
    void theDeepMethodTrainsOnlyWhenAskedAndGivesBothDirections(@TempDir Path dir) throws Exception {
        FakeEngine engine = new FakeEngine();
        List<Stage> stages = new ArrayList<>();
        SegmentationRequest train = SegmentationRequest.defaults().withTraining(TrainingRequest.defaults());
        SegmentationResult r = Segmentation.run(train, new SegmentationInputs(IMAGE, SPARSE, null), engine, (s, d, t) -> stages.add(s));
        assertThat(engine.asked).containsExactly(train);
        assertThat(stages).contains(Stage.TRAINING, Stage.FIELDS, Stage.PROPAGATION);
        assertThat(r.trainingOrNull().describe()).contains("trained 3 steps", "test weights");
        assertThat(r.upOrNull()).isNotNull();
        assertThat(r.guidance().method()).isEqualTo("uncertainty");
        List<Path> files = SegmentationWriter.write(r, G, dir, "x_");
        assertThat(files).extracting(p -> p.getFileName().toString())
            .containsExactly("x_fused.nii.gz", "x_up.nii.gz", "x_down.nii.gz", "x_uncertainty.nii.gz", "x_suggestions.json");
        assertThat(Nifti.readLabels(dir.resolve("x_fused.nii.gz")).array()).isEqualTo(r.fused().array());
        assertThat(Files.readString(dir.resolve("x_suggestions.json"))).startsWith("{\"axis\":2,\"method\":\"uncertainty\",\"labels\":{\"3\":\"range\"}");
        Segmentation.run(SegmentationRequest.defaults(), new SegmentationInputs(IMAGE, SPARSE, null), engine, null);
        assertThat(engine.asked.get(1).trains()).isFalse();
    }

    @Test
    void inputsThatDoNotFitAreTheUsersErrors() {
        LabelVolume other = LabelVolume.empty(PropagationFixtures.grid(20, 18, 11));
        assertThatThrownBy(() -> Segmentation.run(SegmentationRequest.defaults(), new SegmentationInputs(IMAGE, other, null),
            new FakeEngine(), null)).isInstanceOf(UserInputException.class).hasMessageContaining("20x18x11");
        assertThatThrownBy(() -> Segmentation.run(SegmentationRequest.defaults().withMethod(Method.SHAPE),
            new SegmentationInputs(IMAGE, SPARSE, new Hints(SPARSE)), null, null))
            .isInstanceOf(UserInputException.class).hasMessageContaining("deep method only");
        assertThatThrownBy(() -> SegmentationRequest.defaults().withMethod(Method.SHAPE).withTraining(TrainingRequest.defaults()))
            .isInstanceOf(UserInputException.class).hasMessageContaining("deep method only");
        assertThatThrownBy(() -> SegmentationRequest.defaults().withAxis("up")).isInstanceOf(UserInputException.class)
            .hasMessageContaining("axis");
    }
}
