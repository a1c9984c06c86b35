// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.io.Oracles;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/**
 * DICOM series written by pydicom from known volumes (oblique, axial LPS, sagittal; slices stored ascending, descending
 * and shuffled; MR int16 and CT uint16 with a rescale intercept) come out of {@link DicomImport} with the known values
 * at the known world positions (affine to 1e-4 mm up to dcm2niix's axis flips), and equal, voxel for voxel and affine
 * to 1e-4, to the NIfTI dcm2niix writes itself as nibabel reads it.
 */
class DicomOracleTest {
    private static final double AFFINE_TOLERANCE = 1e-4;
    @TempDir static Path dir;

    @BeforeAll
    static void writeSeries() throws Exception {
        Oracles.requirePython("pydicom", "python3-pydicom");
        Oracles.requirePython("nibabel", "python3-nibabel");
        Oracles.requireCommand("dcm2niix", "dcm2niix");
        Oracles.script(DicomOracleTest.class, "dicom_oracle.py", dir, "write", dir.toString());
        Oracles.script(DicomOracleTest.class, "dicom_oracle.py", dir, "dcm2niix", dir.toString());
    }

    @Test
    void seriesConvertToTheKnownVolumeAndToWhatDcm2niixWritesItself() throws Exception {
        List<String> truth = Files.readAllLines(dir.resolve("truth.txt")), reference = Files.readAllLines(dir.resolve("reference.txt"));
        assertEquals(5, truth.size());
        double worstKnown = 0, worstReference = 0;
        for (int n = 0; n < truth.size(); n++) {
            String[] t = truth.get(n).split(" "), r = reference.get(n).split(" ");
            String name = t[0];
            Volume ours;
            try (DicomImport dicom = DicomImport.open(dir.resolve(name))) {
                assertEquals(1, dicom.series().size(), name);
                ours = dicom.readVolume(dicom.choose(null).index());
            }
            Grid known = Grid.of(shape(t), Affine.of(Oracles.numbers(t, 4, 16)));
            double[] knownValues = Oracles.dump(dir.resolve(name + ".f64"));
            int[] map = WorldMapping.voxelMap(known, ours.grid(), AFFINE_TOLERANCE / minSpacing(known), name + " vs the known volume");
            for (int i = 0; i < map.length; i++)
                assertEquals(knownValues[i], ours.array()[map[i]], 0, name + " known voxel " + i);
            worstKnown = Math.max(worstKnown, WorldMapping.deviation(known, ours.grid()) * minSpacing(known));
            worstReference = Math.max(worstReference, Affine.of(Oracles.numbers(r, 4, 16)).maxAbsDiff(ours.grid().affine()));

            Affine dcm2niix = Affine.of(Oracles.numbers(r, 4, 16));
            assertEquals(shape(r), ours.shape(), name);
            assertTrue(dcm2niix.maxAbsDiff(ours.grid().affine()) <= AFFINE_TOLERANCE, name + ": affine " + ours.grid().affine()
                + ", dcm2niix/nibabel " + dcm2niix);
            double[] refValues = Oracles.dump(dir.resolve(name + "_ref.f64"));
            for (int i = 0; i < refValues.length; i++) assertEquals(refValues[i], ours.array()[i], 0, name + " voxel " + i);
        }
        System.out.printf("DICOM oracle: %d series; geometry vs the known volume within %.1e mm, affine vs dcm2niix/nibabel within %.1e%n",
            truth.size(), worstKnown, worstReference);
    }

    @Test
    void aFolderOrZipWithSeveralSeriesListsThemAndReadsTheChosenOne() throws Exception {
        for (Path input : new Path[] {dir.resolve("multi"), dir.resolve("multi.zip")}) {
            Path work;
            try (DicomImport dicom = DicomImport.open(input)) {
                List<DicomSeries> s = dicom.series();
                assertEquals(2, s.size(), input.toString());
                assertEquals(List.of(3, 7), s.stream().map(DicomSeries::seriesNumber).toList());
                assertEquals(List.of("T1 axial", "T2 sagittal"), s.stream().map(DicomSeries::description).toList());
                assertEquals(new Shape3(8, 7, 5), s.get(0).shape());
                assertEquals("MR", s.get(0).modality());
                assertTrue(s.get(1).summary().startsWith("2: T2 sagittal (series 7, MR), 6x5x4, "), s.get(1).summary());
                String message = org.junit.jupiter.api.Assertions.assertThrows(DicomConversionException.class, () -> dicom.choose(null)).getMessage();
                assertTrue(message.contains("holds 2 series") && message.contains("1: T1 axial") && message.contains("2: T2 sagittal"), message);
                assertEquals(new Shape3(6, 5, 4), dicom.readVolume(2).shape());
                work = s.get(0).nifti().getParent().getParent();
                assertTrue(Files.isDirectory(work));
            }
            assertTrue(Files.notExists(work), "the temporary folder is deleted on close: " + work);
        }
    }

    private static Shape3 shape(String[] t) {
        return new Shape3(Integer.parseInt(t[1]), Integer.parseInt(t[2]), Integer.parseInt(t[3]));
    }

    private static double minSpacing(Grid g) {
        return Math.min(g.spacing().xMm(), Math.min(g.spacing().yMm(), g.spacing().zMm()));
    }
}
