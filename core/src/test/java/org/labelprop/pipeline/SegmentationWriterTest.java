// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.io.ItkSnapLabels;
import org.labelprop.io.SegNrrd;
import org.labelprop.io.VolumeFiles;
import org.labelprop.io.VolumeFormat;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.request.SegmentationRequest;

/** The one writer in every output format: names, the label description file beside the fused labels, values and grid kept. */
class SegmentationWriterTest {
    static final LabelDescriptions NAMES = new LabelDescriptions(List.of(new LabelDescription(3, "Tendon", 1, 2, 3, 1, true)));
    @TempDir Path dir;

    private static SegmentationResult deep() throws Exception {
        return Segmentation.run(SegmentationRequest.defaults(), new SegmentationInputs(SegmentationTest.IMAGE, SegmentationTest.SPARSE, null),
            new SegmentationTest.FakeEngine(), null);
    }

    @Test
    void segNrrdOutputsCarryTheNamesAndTheUncertaintyIsAPlainNrrd() throws Exception {
        SegmentationResult r = deep();
        List<Path> files = SegmentationWriter.write(r, SegmentationTest.G, dir, "k_", new OutputOptions(VolumeFormat.SEG_NRRD, NAMES));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("k_fused.seg.nrrd", "k_up.seg.nrrd",
            "k_down.seg.nrrd", "k_uncertainty.nrrd", "k_suggestions.json");
        var fused = SegNrrd.read(dir.resolve("k_fused.seg.nrrd"));
        assertThat(fused.labels().array()).isEqualTo(r.fused().array());
        assertThat(fused.descriptions().describe(3)).isEqualTo(NAMES.entries().get(0));
        assertThat(SegNrrd.read(dir.resolve("k_down.seg.nrrd")).descriptions().describe(3).name()).isEqualTo("Tendon");
        assertThat(VolumeFiles.readVolume(dir.resolve("k_uncertainty.nrrd")).array()).isEqualTo(r.uncertaintyOrNull().array());
    }

    @Test
    void otherFormatsGetTheItkSnapFileBesideTheFusedLabelsOnly() throws Exception {
        SegmentationResult r = deep();
        for (VolumeFormat f : List.of(VolumeFormat.NIFTI, VolumeFormat.NRRD, VolumeFormat.METAIMAGE)) {
            Path out = Files.createDirectory(dir.resolve(f.cliName()));
            List<Path> files = SegmentationWriter.write(r, SegmentationTest.G, out, "k_", new OutputOptions(f, NAMES));
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(f.fileName("k_fused"), "k_fused.labels.txt",
                f.fileName("k_up"), f.fileName("k_down"), f.fileName("k_uncertainty"), "k_suggestions.json");
            assertThat(ItkSnapLabels.read(out.resolve("k_fused.labels.txt")).describe(3).name()).isEqualTo("Tendon");
            var fused = VolumeFiles.readLabels(out.resolve(f.fileName("k_fused")));
            assertThat(fused.array()).isEqualTo(r.fused().array());
            assertThat(fused.grid().sameSpace(SegmentationTest.G)).isTrue();
        }
        assertThat(SegmentationWriter.write(r, SegmentationTest.G, Files.createDirectory(dir.resolve("plain")), "p_"))
            .extracting(p -> p.getFileName().toString()).doesNotContain("p_fused.labels.txt");
    }

    @Test
    void outputsFollowTheImagesFormatAndDicomGivesNifti() throws Exception {
        VolumeFiles.writeVolume(dir.resolve("a.mha"), VolumeFormat.METAIMAGE, SegmentationTest.IMAGE);
        assertThat(OutputOptions.following(dir.resolve("a.mha"))).isEqualTo(VolumeFormat.METAIMAGE);
        VolumeFiles.writeLabels(dir.resolve("s.seg.nrrd"), VolumeFormat.SEG_NRRD, SegmentationTest.SPARSE, null);
        assertThat(OutputOptions.following(dir.resolve("s.seg.nrrd"))).isEqualTo(VolumeFormat.NRRD);
        assertThat(OutputOptions.following(Files.createDirectory(dir.resolve("dicom")))).isEqualTo(VolumeFormat.NIFTI);
    }
}
