// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/** Volumes and label maps survive NIfTI → NRRD → MetaImage → NIfTI and every format of {@link VolumeFiles} exactly. */
class FormatRoundTripTest {
    @TempDir Path dir;

    @Test
    void niftiToNrrdToMetaImageToNiftiIsExact() throws Exception {
        Random rnd = new Random(11);
        double worstMetaImage = 0;
        for (int n = 0; n < 12; n++) {
            Shape3 shape = new Shape3(2 + rnd.nextInt(6), 2 + rnd.nextInt(6), 1 + rnd.nextInt(5));
            Grid grid = NiftiOracleTest.randomGrid(rnd, shape, n % 2 == 0 ? 0 : 2);       // sform rigid, or sheared
            float[] data = new float[shape.voxels()];
            for (int i = 0; i < data.length; i++) data[i] = (float) (rnd.nextGaussian() * 1000);
            Path nii = dir.resolve("start" + n + ".nii.gz");
            Nifti.writeVolume(nii, new Volume(grid, data));
            Volume start = Nifti.readVolume(nii);

            String[] nrrd = {".nrrd", ".nhdr"}, mha = {".mha", ".mhd"};
            Path a = dir.resolve("a" + n + nrrd[n % 2]), b = dir.resolve("b" + n + mha[n / 2 % 2]), back = dir.resolve("back" + n + ".nii");
            VolumeFiles.writeVolume(a, VolumeFormat.NRRD, start);
            Volume viaNrrd = VolumeFiles.readVolume(a);
            assertEquals(0, viaNrrd.grid().affine().maxAbsDiff(start.grid().affine()), "NRRD affine is exact, case " + n);
            VolumeFiles.writeVolume(b, VolumeFormat.METAIMAGE, viaNrrd);
            Volume viaMetaImage = VolumeFiles.readVolume(b);
            worstMetaImage = Math.max(worstMetaImage, viaMetaImage.grid().affine().maxAbsDiff(start.grid().affine()));
            VolumeFiles.writeVolume(back, VolumeFormat.NIFTI, viaMetaImage);
            Volume end = VolumeFiles.readVolume(back);
            assertArrayEquals(start.array(), end.array(), "voxels, case " + n);
            assertEquals(start.grid().affine(), end.grid().affine(), "affine after the round trip, case " + n);
        }
        // MetaImage stores unit directions and spacings: each column is rebuilt to within a rounding of its length
        System.out.printf("NIfTI -> NRRD -> MHA -> NIfTI: 12 volumes exact; the MHA step alone within %.1e mm%n", worstMetaImage);
        assertTrue(worstMetaImage < 1e-12, "MetaImage affine within " + worstMetaImage);
    }

    @Test
    void labelMapsKeepValuesTypesAndGridInEveryFormat() throws Exception {
        Random rnd = new Random(3);
        Grid grid = Grid.of(new Shape3(7, 5, 4), NiftiOracleTest.randomRigid(rnd, true));
        for (int max : new int[] {9, 700}) {
            int[] labels = new int[grid.shape().voxels()];
            for (int i = 0; i < labels.length; i++) labels[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(max + 1) : 0;
            labels[3] = max;
            LabelVolume v = new LabelVolume(grid, labels);
            for (VolumeFormat f : VolumeFormat.values()) {
                Path file = dir.resolve(f.fileName("labels" + max));
                List<Path> written = VolumeFiles.writeLabels(file, f, v, null);
                assertEquals(List.of(file), written);
                LabelVolume back = VolumeFiles.readLabels(file);
                assertArrayEquals(labels, back.array(), f + " labels");
                assertTrue(back.grid().affine().maxAbsDiff(grid.affine()) < 1e-5, f + " affine " + back.grid().affine());
                assertEquals(f, VolumeFormat.detect(file));
            }
        }
    }

    @Test
    void labelDescriptionsTravelInsideSegmentationsAndBesideOtherFormats() throws Exception {
        LabelVolume v = new LabelVolume(Grid.of(new Shape3(3, 2, 2), NiftiOracleTest.randomRigid(new Random(1), false)),
            new int[] {0, 1, 1, 0, 2, 0, 0, 0, 5, 0, 0, 0});
        LabelDescriptions d = ItkSnapLabelsTest.liverAndSpleen();
        for (VolumeFormat f : VolumeFormat.values()) {
            Path file = dir.resolve(f.fileName("described"));
            List<Path> written = VolumeFiles.writeLabels(file, f, v, d);
            assertEquals(f == VolumeFormat.SEG_NRRD ? 1 : 2, written.size(), f.toString());
            var s = VolumeFiles.readSegmentation(file);
            assertArrayEquals(v.array(), s.labels().array());
            assertEquals("Liver", s.descriptions().describe(1).name(), f.toString());
            assertEquals(List.of(200, 60, 40), List.of(s.descriptions().describe(2).red(), s.descriptions().describe(2).green(),
                s.descriptions().describe(2).blue()), f.toString());
            assertEquals("Label 5", s.descriptions().describe(5).name());
        }
    }

    @Test
    void everyStoredTypeAndByteOrderReadsBackAsWritten() throws Exception {
        Grid grid = Grid.of(new Shape3(4, 3, 2), NiftiOracleTest.randomRigid(new Random(9), false));
        for (NiftiDataType t : NiftiDataType.values())
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN})
                for (boolean compressed : new boolean[] {false, true}) {
                    double base = t.holds(-5) ? -5 : 0;
                    Path nrrd = dir.resolve("t_" + t + order + compressed + ".nhdr"), mha = dir.resolve("t_" + t + order + compressed + ".mha");
                    Nrrd.write(nrrd, grid, t, order, compressed, java.util.Map.of(), i -> base + i);
                    MetaImage.write(mha, grid, t, order, compressed, i -> base + i);
                    for (Path p : new Path[] {nrrd, mha}) {
                        float[] values = VolumeFiles.readVolume(p).array();
                        for (int i = 0; i < values.length; i++) assertEquals(base + i, values[i], 0, p.getFileName() + " voxel " + i);
                    }
                }
    }
}
