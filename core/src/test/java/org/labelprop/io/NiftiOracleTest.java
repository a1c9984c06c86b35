// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.HeaderGeometry;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Qform;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/** Cross-checks reader and writer against nibabel (the oracle): affines, codes and values, in both directions. */
class NiftiOracleTest {
    private static final double AFFINE_TOLERANCE = 1e-5;

    @Test
    void readsFilesWrittenByNibabelWithTheSameAffineAndValues(@TempDir Path dir) throws Exception {
        Nibabel.requireNibabel();
        Nibabel.run("write", dir);
        List<String> lines = Files.readAllLines(dir.resolve("manifest.txt"));
        assertTrue(lines.size() >= 36, "expected at least 36 nibabel cases, found " + lines.size());
        int methodOne = 0;
        for (String line : lines) {
            String[] t = line.split(" ");
            Path file = dir.resolve(t[0]);
            NiftiHeader h = Nifti.readHeader(file);
            assertEquals(Integer.parseInt(t[1]), h.version(), t[0]);
            assertEquals(t[2].equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, h.byteOrder(), t[0]);
            assertEquals(t[3], h.dataType().toString(), t[0]);
            int qcode = Integer.parseInt(t[7]), scode = Integer.parseInt(t[8]);
            assertEquals(qcode, h.qformCode(), t[0]);
            assertEquals(scode, h.sformCode(), t[0]);

            Volume v = Nifti.readVolume(file);
            assertEquals(new Shape3(Integer.parseInt(t[4]), Integer.parseInt(t[5]), Integer.parseInt(t[6])), v.shape(), t[0]);
            double[] zooms = Nibabel.numbers(t, 26, 3);
            // codes 0/0: the standard's method 1 is diag(pixdim); nibabel centres the grid there instead
            Affine expected = qcode == 0 && scode == 0 ? Affine.of(zooms[0], 0, 0, 0, 0, zooms[1], 0, 0, 0, 0, zooms[2], 0, 0, 0, 0, 1)
                : Affine.of(Nibabel.numbers(t, 10, 16));
            if (qcode == 0 && scode == 0) methodOne++;
            assertTrue(expected.maxAbsDiff(v.grid().affine()) <= AFFINE_TOLERANCE,
                t[0] + ": affine " + v.grid().affine() + ", nibabel " + expected);
            for (int i = 0; i < 3; i++) assertEquals(zooms[i], v.grid().spacing().along(i), 0, t[0] + " spacing");

            double[] oracle = Nibabel.dump(dir.resolve(t[0] + ".f64"));
            assertEquals(oracle.length, v.array().length, t[0]);
            for (int i = 0; i < oracle.length; i++)
                assertEquals(0, Float.compare((float) oracle[i], v.array()[i]), t[0] + " voxel " + i + ": " + v.array()[i] + " vs nibabel " + oracle[i]);

            boolean labelLike = true;
            for (double o : oracle) labelLike &= o >= 0 && o <= 65535 && o == Math.rint(o);
            if (labelLike) {
                int[] labels = Nifti.readLabels(file).array();
                for (int i = 0; i < oracle.length; i++) assertEquals((int) oracle[i], labels[i], t[0] + " label voxel " + i);
            } else {
                assertThrows(NiftiFormatException.class, () -> Nifti.readLabels(file), t[0]);
            }
            keepsGeometryWhenRewritten(v, h, dir.resolve("copy.nii"));
        }
        assertTrue(methodOne >= 2, "cases with no qform and no sform: " + methodOne);
    }

    /** Writing a read volume copies its qform/sform codes and matrices (to float precision for NIfTI-1). */
    private static void keepsGeometryWhenRewritten(Volume v, NiftiHeader source, Path copy) throws Exception {
        Nifti.writeVolume(copy, v);
        NiftiHeader h = Nifti.readHeader(copy);
        assertEquals(source.qformCode(), h.qformCode());
        assertEquals(source.sformCode(), h.sformCode());
        double tol = source.version() == 1 ? 0 : 1e-5;
        for (int i = 0; i < 4; i++) assertEquals(source.pixdim()[i], h.pixdim()[i], tol == 0 ? 0 : 1e-6, "pixdim " + i);
        if (source.sformCode() > 0)
            for (int i = 0; i < 12; i++) assertEquals(source.srow()[i], h.srow()[i], tol * 100, "srow " + i);
        if (source.qformCode() > 0)
            for (int i = 0; i < 3; i++) {
                assertEquals(source.quatern()[i], h.quatern()[i], Math.max(tol, 1e-7), "quatern " + i);
                assertEquals(source.qoffset()[i], h.qoffset()[i], tol * 100, "qoffset " + i);
            }
        assertTrue(Nifti.readVolume(copy).grid().affine().maxAbsDiff(v.grid().affine()) <= 1e-4);
    }

    /** A file we wrote and what nibabel must find in it. */
    private record Written(String name, Grid grid, int datatype, int intent, double slope, double inter, double[] values, double calMax) {}

    @Test
    void filesWeWriteAreReadByNibabelWithTheSameAffineCodesAndValues(@TempDir Path dir) throws Exception {
        Nibabel.requireNibabel();
        Random rnd = new Random(77);
        List<Written> cases = new ArrayList<>();
        for (int n = 0; n < 24; n++) {
            Shape3 shape = new Shape3(2 + rnd.nextInt(5), 2 + rnd.nextInt(5), 1 + rnd.nextInt(4));
            Grid grid = randomGrid(rnd, shape, n % 4);
            boolean labels = n % 2 == 0;
            String name = String.format(Locale.ROOT, "ours_%02d_%s.nii%s", n, labels ? "labels" : "volume", n % 3 == 0 ? "" : ".gz");
            double[] data = new double[shape.voxels()];
            if (labels) {
                int[] l = new int[data.length];
                int max = n % 4 == 0 ? 1000 : 7;      // uint16 and uint8 outputs
                for (int i = 0; i < l.length; i++) { l[i] = rnd.nextInt(max + 1); data[i] = l[i]; }
                Nifti.writeLabels(dir.resolve(name), new LabelVolume(grid, l));
                int top = java.util.Arrays.stream(l).max().orElse(0);
                cases.add(new Written(name, grid, top > 255 ? 512 : 2, 1002, 1, 0, data, top));
            } else {
                float[] f = new float[data.length];
                for (int i = 0; i < f.length; i++) { f[i] = (float) (rnd.nextGaussian() * 500); data[i] = f[i]; }
                Nifti.writeVolume(dir.resolve(name), new Volume(grid, f));
                cases.add(new Written(name, grid, 16, 0, 1, 0, data, 0));
            }
        }
        // the lower-level writer: every data type, NIfTI-2 and big-endian, with scaling
        NiftiDataType[] types = NiftiDataType.values();
        for (int n = 0; n < types.length; n++) {
            Grid grid = randomGrid(rnd, new Shape3(3, 4, 2), n % 4);
            NiftiHeader h = Nifti.header(grid).withDataType(types[n]).withVersion(1 + n % 2)
                .withByteOrder(n % 3 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN).withScaling(n % 2 == 0 ? 0.5 : 1, n);
            String name = String.format(Locale.ROOT, "raw_%s_v%d.nii%s", types[n], h.version(), n % 2 == 0 ? ".gz" : "");
            double[] stored = new double[grid.shape().voxels()], expected = new double[stored.length];
            for (int i = 0; i < stored.length; i++) {
                stored[i] = types[n] == NiftiDataType.FLOAT64 || types[n] == NiftiDataType.FLOAT32 ? (float) rnd.nextGaussian() : rnd.nextInt(100);
                expected[i] = stored[i] * h.sclSlope() + h.sclInter();
            }
            Nifti.write(dir.resolve(name), h, i -> stored[i]);
            cases.add(new Written(name, grid, types[n].code(), 0, h.sclSlope(), h.sclInter(), expected, 0));
        }
        Files.write(dir.resolve("java_manifest.txt"), cases.stream().map(Written::name).toList());
        Nibabel.run("read", dir);
        List<String> lines = Files.readAllLines(dir.resolve("nibabel_read.txt"));
        assertEquals(cases.size(), lines.size());
        for (int n = 0; n < lines.size(); n++) {
            String[] t = lines.get(n).split(" ");
            Written c = cases.get(n);
            Grid g = c.grid();
            HeaderGeometry hg = g.header();
            assertEquals(c.name(), t[0]);
            assertEquals(c.datatype(), Integer.parseInt(t[1]), t[0] + " datatype");
            assertEquals(c.intent(), Integer.parseInt(t[2]), t[0] + " intent");
            assertEquals(hg.qformCode(), Integer.parseInt(t[3]), t[0] + " qform_code");
            assertEquals(hg.sformCode(), Integer.parseInt(t[4]), t[0] + " sform_code");
            assertEquals(c.slope(), Double.parseDouble(t[5]), t[0]);
            assertEquals(c.inter(), Double.parseDouble(t[6]), t[0]);
            assertEquals(c.calMax(), Double.parseDouble(t[7]), 0, t[0] + " cal_max");
            assertEquals(g.shape(), new Shape3(Integer.parseInt(t[8]), Integer.parseInt(t[9]), Integer.parseInt(t[10])));
            assertClose(g.affine(), Affine.of(Nibabel.numbers(t, 11, 16)), t[0] + " affine");
            if (hg.qformCode() > 0) assertClose(hg.qform(), Affine.of(Nibabel.numbers(t, 27, 16)), t[0] + " qform");
            if (hg.sformCode() > 0) assertClose(hg.sform(), Affine.of(Nibabel.numbers(t, 43, 16)), t[0] + " sform");
            double[] oracle = Nibabel.dump(dir.resolve(t[0] + ".f64"));
            for (int i = 0; i < oracle.length; i++) assertEquals(c.values()[i], oracle[i], 0, t[0] + " voxel " + i);
        }
    }

    /** Mode 0: qform = sform (code 2); 1: qform only; 2: sform only, sheared; 3: both, different (sform sheared). */
    static Grid randomGrid(Random rnd, Shape3 shape, int mode) {
        Affine q = randomRigid(rnd, rnd.nextBoolean());
        double[] s = q.toArray();
        if (mode >= 2)
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) s[4 * r + c] += rnd.nextGaussian() * 0.2;
                s[4 * r + 3] += rnd.nextGaussian() * 5;
            }
        Affine sform = Affine.of(s);
        return switch (mode) {
            case 0 -> Grid.of(shape, q);
            case 1 -> new Grid(shape, q.spacing(), q, new HeaderGeometry(1, q, Math.signum(q.determinant3()), 0, null, 10));
            case 2 -> new Grid(shape, sform.spacing(), sform, new HeaderGeometry(0, null, 1, 4, sform, 2));
            default -> new Grid(shape, q.spacing(), sform, new HeaderGeometry(1, q, Math.signum(q.determinant3()), 3, sform, 2));
        };
    }

    /** A random rotation times random voxel sizes, reflected (det < 0) when asked, with a random offset. */
    static Affine randomRigid(Random rnd, boolean reflect) {
        double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double norm = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2] + u[3] * u[3]) * Math.signum(u[0]);
        return new Qform(u[1] / norm, u[2] / norm, u[3] / norm, rnd.nextGaussian() * 80, rnd.nextGaussian() * 80,
            rnd.nextGaussian() * 80, 0.3 + 2.5 * rnd.nextDouble(), 0.3 + 2.5 * rnd.nextDouble(), 0.3 + 2.5 * rnd.nextDouble(),
            reflect ? -1 : 1).toAffine();
    }

    static void assertClose(Affine expected, Affine actual, String what) {
        assertTrue(expected.maxAbsDiff(actual) <= AFFINE_TOLERANCE, what + ": expected " + expected + ", found " + actual);
    }
}
