// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/** Write then read: every data type x NIfTI-1/2 x .nii/.nii.gz x both byte orders; values and geometry exact. */
class NiftiRoundTripTest {
    static Stream<Arguments> combinations() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (NiftiDataType t : NiftiDataType.values())
            for (int version : new int[] {1, 2})
                for (boolean gz : new boolean[] {false, true})
                    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN})
                        b.add(Arguments.of(t, version, gz, order));
        return b.build();
    }

    @ParameterizedTest(name = "{0} NIfTI-{1} gz={2} {3}")
    @MethodSource("combinations")
    void storedValuesHeaderAndGeometrySurvive(NiftiDataType type, int version, boolean gz, ByteOrder order, @TempDir Path dir)
            throws Exception {
        Random rnd = new Random(type.ordinal() * 31 + version * 7 + (gz ? 3 : 0) + (order == ByteOrder.BIG_ENDIAN ? 1 : 0));
        Shape3 shape = new Shape3(5, 4, 3);
        Grid grid = NiftiOracleTest.randomGrid(rnd, shape, rnd.nextInt(4));
        boolean scaled = rnd.nextBoolean();
        NiftiHeader h = Nifti.header(grid).withDataType(type).withVersion(version).withByteOrder(order)
            .withScaling(scaled ? 0.5 : 1, scaled ? -3 : 0);
        double[] stored = values(type, shape.voxels(), rnd);
        Path a = dir.resolve("a.nii" + (gz ? ".gz" : "")), b = dir.resolve("b.nii" + (gz ? ".gz" : ""));
        Nifti.write(a, h, i -> stored[i]);
        assertEquals(gz, (Files.readAllBytes(a)[0] & 0xff) == 0x1f, "gzip by name");

        NiftiHeader read = Nifti.readHeader(a);
        assertEquals(version, read.version());
        assertEquals(order, read.byteOrder());
        assertEquals(type.code(), read.datatype());
        assertEquals(type.bitpix(), read.bitpix());
        assertEquals(version == 1 ? 352 : 544, read.voxOffset());

        Volume v = Nifti.readVolume(a);
        assertEquals(shape, v.shape());
        double slope = scaled ? 0.5 : 1, inter = scaled ? -3 : 0;
        for (int i = 0; i < stored.length; i++) assertEquals((float) (stored[i] * slope + inter), v.array()[i], 0, "voxel " + i);
        double tolerance = version == 1 ? 1e-4 : 1e-9;          // NIfTI-1 stores float32
        assertTrue(v.grid().affine().maxAbsDiff(grid.affine()) <= tolerance, v.grid().affine() + " vs " + grid.affine());
        assertEquals(grid.header().qformCode(), v.grid().header().qformCode());
        assertEquals(grid.header().sformCode(), v.grid().header().sformCode());
        assertEquals(grid.header().qfac(), v.grid().header().qfac());

        // exact: a header read from a file is written again bit for bit, with the same values
        Nifti.write(b, read, i -> stored[i]);
        assertEquals(read, Nifti.readHeader(b));
        assertArrayEquals(v.array(), Nifti.readVolume(b).array());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "file bytes");
    }

    private static double[] values(NiftiDataType t, int n, Random rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++)
            v[i] = switch (t) {
                case UINT8 -> rnd.nextInt(256);
                case INT8 -> rnd.nextInt(256) - 128;
                case INT16 -> rnd.nextInt(65536) - 32768;
                case UINT16 -> rnd.nextInt(65536);
                case INT32 -> rnd.nextInt();
                case UINT32 -> rnd.nextInt() & 0xffffffffL;
                case INT64 -> rnd.nextLong() >> 12;          // within ±2^51: exact in a double
                case FLOAT32 -> (float) (rnd.nextGaussian() * 1e4);
                case FLOAT64 -> rnd.nextGaussian() * 1e6;
            };
        if (t.isInteger()) { v[0] = minOf(t); v[n - 1] = maxOf(t); }
        return v;
    }

    private static double minOf(NiftiDataType t) {
        return switch (t) { case INT8 -> -128; case INT16 -> -32768; case INT32 -> Integer.MIN_VALUE; case INT64 -> -(1L << 52); default -> 0; };
    }

    private static double maxOf(NiftiDataType t) {
        return switch (t) {
            case UINT8 -> 255; case INT8 -> 127; case INT16 -> 32767; case UINT16 -> 65535; case INT32 -> Integer.MAX_VALUE;
            case UINT32 -> 4294967295.0; case INT64 -> 1L << 52; default -> 0;
        };
    }

    @Test
    void labelMapsAreWrittenAsUint8OrUint16WithLabelIntentAndReadBackExactly(@TempDir Path dir) throws Exception {
        Random rnd = new Random(5);
        for (int max : new int[] {0, 1, 255, 256, 65535}) {
            Grid grid = NiftiOracleTest.randomGrid(rnd, new Shape3(6, 5, 4), max % 4);
            int[] l = new int[grid.shape().voxels()];
            for (int i = 0; i < l.length; i++) l[i] = rnd.nextInt(max + 1);
            l[7] = max;
            Path file = dir.resolve("labels" + max + ".nii.gz");
            Nifti.writeLabels(file, new LabelVolume(grid, l));
            NiftiHeader h = Nifti.readHeader(file);
            assertEquals(max > 255 ? 512 : 2, h.datatype());
            assertEquals(NiftiHeader.INTENT_LABEL, h.intentCode());
            assertEquals(1.0, h.sclSlope());
            assertEquals(0.0, h.sclInter());
            assertEquals(0.0, h.calMin());
            assertEquals(max, h.calMax());
            LabelVolume back = Nifti.readLabels(file);
            assertArrayEquals(l, back.array());
            assertTrue(back.grid().affine().maxAbsDiff(grid.affine()) <= 1e-4);
            assertEquals(grid.header().sformCode(), back.grid().header().sformCode());
        }
    }

    @Test
    void writesAtomicallyAndReplacesAnExistingFile(@TempDir Path dir) throws Exception {
        Grid grid = Grid.of(new Shape3(3, 3, 3), org.labelprop.volume.Spacing.isotropic(1));
        Path file = dir.resolve("out.nii");
        Nifti.writeVolume(file, new Volume(grid, new float[27]));
        Nifti.writeVolume(file, new Volume(grid, filled(27, 4f)));
        assertEquals(4f, Nifti.readVolume(file).get(1, 1, 1));
        NiftiHeader bad = Nifti.header(grid).withDataType(NiftiDataType.UINT8);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Nifti.write(file, bad, i -> i == 20 ? 300 : 1));
        assertEquals(4f, Nifti.readVolume(file).get(1, 1, 1), "a failed write leaves the old file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
