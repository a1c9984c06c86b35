// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.io.ItkSnapLabels;
import org.labelprop.io.Oracles;
import org.labelprop.io.SegNrrd;
import org.labelprop.io.VolumeFiles;
import org.labelprop.io.VolumeFormat;
import org.labelprop.io.dicom.DicomImport;
import org.labelprop.io.dicom.PhantomSeries;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.labels.Segmentation;
import org.labelprop.metrics.DiceScore;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * Scans as they come: a DICOM series written by pydicom (converted by dcm2niix), NRRD, MetaImage and 3D Slicer
 * segmentations in, outputs in the input's format or {@code --output-format}, label names and colours from
 * {@code --labels-description}; and the one-line errors of DICOM input (exit 2, nothing written).
 */
class ScanFormatsTest {
    @TempDir static Path dir;
    static Volume image;
    static LabelVolume truth;
    static Path dicom, sparse, description;

    @BeforeAll
    static void writeInputs() throws Exception {
        Oracles.requireCommand("dcm2niix", "dcm2niix");
        dicom = PhantomSeries.write(dir.resolve("knee"), 24, 20, 8);
        try (DicomImport d = DicomImport.open(dicom)) {
            image = d.readVolume(1); // the grid annotations are drawn on, as a user would see the scan
        }
        int[] t = new int[image.array().length], s = new int[t.length];
        int slice = image.shape().nx() * image.shape().ny();
        for (int i = 0; i < t.length; i++) {
            t[i] = image.array()[i] > 500 ? 1 : 0;
            int z = i / slice;
            if (z == 1 || z == 6) s[i] = t[i];
        }
        truth = new LabelVolume(image.grid(), t);
        sparse = dir.resolve("labels.nrrd");
        VolumeFiles.writeLabels(sparse, VolumeFormat.NRRD, new LabelVolume(image.grid(), s), null);
        description = dir.resolve("knee.txt");
        ItkSnapLabels.write(description, new LabelDescriptions(List.of(new LabelDescription(1, "Ellipse", 10, 200, 30, 1, true))));
    }

    @AfterEach
    void restoreDcm2niix() { System.clearProperty("labelprop.dcm2niix"); }

    @Test
    void trainOnADicomFolderWritesA3dSlicerSegmentationWithNamesAndColours() throws Exception {
        Path out = dir.resolve("e2e");
        CliRunner r = CliRunner.run("train", dicom.toString(), sparse.toString(), "-o", out.toString(), "--output-format", "seg.nrrd",
            "--labels-description", description.toString(), "--train-steps", "2", "--refine-steps", "2", "--threads", "2");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("wrote " + out.resolve("knee_fused.seg.nrrd"));
        assertThat(names(out)).containsExactlyInAnyOrder("knee.ckpt", "knee_fused.seg.nrrd", "knee_up.seg.nrrd", "knee_down.seg.nrrd",
            "knee_uncertainty.nrrd", "knee_suggestions.json");
        Segmentation s = SegNrrd.read(out.resolve("knee_fused.seg.nrrd"));
        assertThat(s.labels().grid().sameSpace(image.grid())).isTrue();
        assertThat(s.descriptions().describe(1)).isEqualTo(new LabelDescription(1, "Ellipse", 10, 200, 30, 1, true));
        assertThat(DiceScore.of(s.labels(), truth, 1).value()).isGreaterThan(0.8);
        assertThat(SegNrrd.read(out.resolve("knee_up.seg.nrrd")).descriptions().describe(1).name()).isEqualTo("Ellipse");
        // teem (an independent NRRD library) reads the segmentation, keeps its segment fields and writes it back
        Oracles.requireCommand("teem-unu", "teem-apps");
        Path teem = out.resolve("teem.seg.nrrd");
        Oracles.run(out, "teem-unu", "save", "-f", "nrrd", "-e", "raw", "-i", out.resolve("knee_fused.seg.nrrd").toString(), "-o",
            teem.toString());
        Segmentation back = SegNrrd.read(teem);
        assertThat(back.descriptions().describe(1)).isEqualTo(s.descriptions().describe(1));
        assertThat(back.labels().array()).isEqualTo(s.labels().array());
    }

    @Test
    void outputsFollowTheImagesFormatAndNiftiGetsTheItkSnapFileBeside() throws Exception {
        Path nrrd = dir.resolve("scan.nrrd"), mha = dir.resolve("scan.mha"), nii = dir.resolve("scan.nii.gz");
        VolumeFiles.writeVolume(nrrd, VolumeFormat.NRRD, image);
        VolumeFiles.writeVolume(mha, VolumeFormat.METAIMAGE, image);
        VolumeFiles.writeVolume(nii, VolumeFormat.NIFTI, image);
        for (Path in : List.of(nrrd, mha, nii)) {
            Path out = dir.resolve("follow-" + in.getFileName());
            CliRunner r = propagate(in.toString(), out, "--labels-description", description.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            VolumeFormat f = VolumeFormat.detect(in);
            assertThat(names(out)).containsExactlyInAnyOrder(f.fileName("scan_fused"), "scan_fused.labels.txt", "scan_suggestions.json");
            assertThat(VolumeFiles.readSegmentation(out.resolve(f.fileName("scan_fused"))).descriptions().describe(1).name())
                .isEqualTo("Ellipse");
        }
    }

    @Test
    void namesAndColoursOfASegmentationInputCarryOverAndADicomZipGivesNifti() throws Exception {
        Path seg = dir.resolve("named.seg.nrrd");
        VolumeFiles.writeLabels(seg, VolumeFormat.SEG_NRRD, VolumeFiles.readLabels(sparse),
            new LabelDescriptions(List.of(new LabelDescription(1, "Meniscus", 200, 20, 20, 1, true))));
        Path zip = zip(dicom, dir.resolve("knee.zip"));
        Path out = dir.resolve("carried");
        CliRunner r = CliRunner.run("propagate", zip.toString(), seg.toString(), "--method", "shape", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(names(out)).containsExactlyInAnyOrder("knee_fused.nii.gz", "knee_fused.labels.txt", "knee_suggestions.json");
        assertThat(ItkSnapLabels.read(out.resolve("knee_fused.labels.txt")).describe(1).name()).isEqualTo("Meniscus");
    }

    @Test
    void severalSeriesNeedSeriesAndTheErrorListsThem() throws Exception {
        Path two = PhantomSeries.write(dir.resolve("two"), 24, 20, 8);
        PhantomSeries.write(two, 16, 12, 5, 9, "localizer");
        CliRunner r = propagate(two.toString(), dir.resolve("two-out"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertOneLine(r, "holds 2 DICOM series; choose one with --series N: 1: phantom T1 (series 2, MR), 24x20x8",
            "2: localizer (series 9, MR), 16x12x5", "LAS");
        assertThat(dir.resolve("two-out")).doesNotExist();
        CliRunner ok = propagate(two.toString(), dir.resolve("two-out"), "--series", "1");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(dir.resolve("two-out/two_fused.nii.gz")).exists();
        CliRunner out = propagate(two.toString(), dir.resolve("two-3"), "--series", "3");
        assertOneLine(out, "there is no series 3");
    }

    @Test
    void missingDcm2niixSaysHowToInstallIt() {
        System.setProperty("labelprop.dcm2niix", dir.resolve("absent/dcm2niix").toString());
        CliRunner r = propagate(dicom.toString(), dir.resolve("no-program"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertOneLine(r, "DICOM input needs dcm2niix", "apt-get install dcm2niix");
        assertThat(dir.resolve("no-program")).doesNotExist();
    }

    @Test
    void whatDcm2niixRejectsIsPassedOnInOneLine() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("readme.txt"), "not a DICOM file\n");
        CliRunner r = propagate(notes.toString(), dir.resolve("notes-out"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertOneLine(r, "no DICOM series found in " + notes);
        assertThat(dir.resolve("notes-out")).doesNotExist();
    }

    @Test
    void seriesOnAFileAndAnUnknownOutputFormatAreUserErrors() throws Exception {
        Path nii = dir.resolve("plain.nii.gz");
        VolumeFiles.writeVolume(nii, VolumeFormat.NIFTI, image);
        assertOneLine(propagate(nii.toString(), dir.resolve("x"), "--series", "2"), "--series chooses among the series", "is a nifti file");
        CliRunner f = propagate(nii.toString(), dir.resolve("x"), "--output-format", "dicom");
        assertThat(f.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(f.err()).contains("unknown volume format \"dicom\"; expected nifti, nrrd, mha or seg.nrrd");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    private static CliRunner propagate(String image, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("propagate", image, sparse.toString(), "--method", "shape", "-o", out.toString()));
        args.addAll(Arrays.asList(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static void assertOneLine(CliRunner r, String... expected) {
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("labelprop: error: ").contains(expected).doesNotContain("\tat ", "Exception");
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static Path zip(Path folder, Path zip) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                out.putNextEntry(new ZipEntry("knee/" + f.getFileName()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        return zip;
    }
}
