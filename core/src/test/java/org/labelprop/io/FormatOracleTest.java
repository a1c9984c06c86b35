// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/**
 * NRRD and MetaImage against independent implementations, both directions: files written by ITK (plastimatch, from
 * oblique anisotropic NIfTI written by nibabel), teem (teem-unu: raw big-endian detached, int8, int64) and VTK
 * (vtkMetaImageWriter, raw and zlib) are read with the known values and affine; files we write (every type, both byte
 * orders, gzip/zlib and raw, attached and detached, oblique) are read back by teem (NRRD), VTK (MetaImage) and ITK;
 * NRRD headers in RAS, 3D-right-handed and no space are read with the affine ITK gives them.
 */
class FormatOracleTest {
    private static final double AFFINE_TOLERANCE = 1e-4;
    @TempDir static Path dir;

    @BeforeAll
    static void makeFiles() throws Exception {
        Oracles.requirePython("nibabel", "python3-nibabel");
        Oracles.requirePython("vtkmodules.vtkIOImage", "python3-vtk9");
        Oracles.requireCommand("plastimatch", "plastimatch");
        Oracles.requireCommand("teem-unu", "teem-apps");
        Oracles.script(FormatOracleTest.class, "formats_oracle.py", dir, "make", dir.toString());
    }

    @Test
    void readsWhatItkTeemAndVtkWrite() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        double worst = 0;
        for (String line : Files.readAllLines(dir.resolve("made.txt"))) {
            String[] t = line.split(" ");
            Path file = dir.resolve(t[0]);
            Volume v = VolumeFiles.readVolume(file);
            assertEquals(new Shape3(Integer.parseInt(t[2]), Integer.parseInt(t[3]), Integer.parseInt(t[4])), v.shape(), t[0]);
            Affine expected = Affine.of(Oracles.numbers(t, 5, 16));
            worst = Math.max(worst, expected.maxAbsDiff(v.grid().affine()));
            assertTrue(expected.maxAbsDiff(v.grid().affine()) <= AFFINE_TOLERANCE, t[0] + ": affine " + v.grid().affine() + ", expected " + expected);
            double[] values = Oracles.dump(dir.resolve(t[1] + ".f64"));
            for (int i = 0; i < values.length; i++) assertEquals((float) values[i], v.array()[i], 0, t[0] + " voxel " + i);
            counts.merge(VolumeFormat.detect(file).cliName() + " from " + t[1].substring(0, 3) + (t[0].contains("teem") ? "+teem" : ""), 1, Integer::sum);
        }
        System.out.printf("format oracle, theirs -> ours: %s; affine within %.1e%n", counts, worst);
        assertTrue(counts.values().stream().mapToInt(Integer::intValue).sum() >= 32, counts.toString());
    }

    /** A 3x2x2 int16 NRRD with oblique orthogonal directions in {@code space} (no space: spacings only); ITK's NIfTI writer
     *  would straighten sheared ones. */
    static byte[] spaceFile(String space) {
        String geometry = space.isEmpty() ? "spacings: 0.5 1.5 2.5\n" : "space: " + space
            + "\nspace directions: (0.4,-0.4,0.2) (0.5,1,1) (1.6,0.8,-1.6)\nspace origin: (12.5,-40,7)\n";
        String header = "NRRD0004\ntype: short\ndimension: 3\nsizes: 3 2 2\n" + geometry + "endian: little\nencoding: raw\n\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(header.length() + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.put(header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = 0; i < 12; i++) b.putShort((short) (7 * i - 30));
        return b.array();
    }

    /** A file we wrote: its grid and stored values. */
    private record Ours(Grid grid, double[] values) {}

    @Test
    void teemVtkAndItkReadWhatWeWrite() throws Exception {
        Random rnd = new Random(5);
        Map<String, Ours> ours = new HashMap<>();
        List<String> manifest = new ArrayList<>();
        int n = 0;
        for (NiftiDataType type : NiftiDataType.values())
            for (String ext : new String[] {".nrrd", ".nhdr", ".mha", ".mhd"}) {
                Shape3 shape = new Shape3(3 + rnd.nextInt(5), 3 + rnd.nextInt(5), 2 + rnd.nextInt(4));
                Grid grid = Grid.of(shape, NiftiOracleTest.randomRigid(rnd, n % 3 == 0));
                double[] values = new double[shape.voxels()];
                for (int i = 0; i < values.length; i++)
                    values[i] = type.isInteger() ? (type.holds(-100) ? -100 : 0) + rnd.nextInt(200) : (float) (rnd.nextGaussian() * 300);
                String name = "ours_" + type + "_" + n++ + ext;
                boolean compressed = ext.equals(".nrrd") || ext.equals(".mha"), big = !compressed;
                ByteOrder order = big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                if (ext.startsWith(".n")) Nrrd.write(dir.resolve(name), grid, type, order, compressed, Map.of(), i -> values[i]);
                else MetaImage.write(dir.resolve(name), grid, type, order, compressed, i -> values[i]);
                ours.put(name, new Ours(grid, values));
                // ITK (plastimatch) holds neither int8 nor int64; it reads one file per type and format, alternating the
                // kind; VTK's MetaImage reader knows no int64
                boolean itk = type != NiftiDataType.INT8 && type != NiftiDataType.INT64 && compressed == (type.ordinal() % 2 == 0);
                String first = ext.startsWith(".n") ? "teem" : type == NiftiDataType.INT64 ? "" : "vtk";
                List<String> tools = java.util.stream.Stream.of(first, itk ? "itk" : "").filter(x -> !x.isEmpty()).toList();
                if (!tools.isEmpty()) manifest.add(name + " " + String.join(",", tools));      // int64 MetaImage: no tool reads it
            }
        // hand-written NRRD headers in the other spaces NRRD allows: read as ITK reads them (left-anterior-superior is
        // checked in NrrdSpaceTest: ITK 5.2, Debian's, flips x instead of y there, which ITK later corrected)
        for (String space : new String[] {"right-anterior-superior", "3D-right-handed", ""}) {
            String name = "space_" + (space.isEmpty() ? "none" : space) + ".nrrd";
            Files.write(dir.resolve(name), spaceFile(space));
            Volume v = Nrrd.readVolume(dir.resolve(name));
            double[] values = new double[v.array().length];
            for (int i = 0; i < values.length; i++) values[i] = v.array()[i];
            ours.put(name, new Ours(v.grid(), values));
            manifest.add(name + " itk");
        }
        Files.write(dir.resolve("ours.txt"), manifest);
        Oracles.script(FormatOracleTest.class, "formats_oracle.py", dir, "read", dir.toString());
        Map<String, Integer> counts = new TreeMap<>();
        double worst = 0;
        for (String line : Files.readAllLines(dir.resolve("read.txt"))) {
            String[] t = line.split(" ");
            Ours o = ours.get(t[0]);
            Shape3 s = o.grid().shape();
            assertEquals(s, new Shape3(Integer.parseInt(t[2]), Integer.parseInt(t[3]), Integer.parseInt(t[4])), line);
            Affine a = o.grid().affine();
            switch (t[1]) {
                case "teem" -> {            // teem echoes the LPS vectors with 17 digits: exactly ours
                    double[] d = Oracles.numbers(t, 5, 12);
                    for (int axis = 0; axis < 3; axis++) assertArrayEquals(WorldSpace.LPS.axis(a, axis), java.util.Arrays.copyOfRange(d, 3 * axis, 3 * axis + 3), 0, line);
                    assertArrayEquals(WorldSpace.LPS.origin(a), java.util.Arrays.copyOfRange(d, 9, 12), 0, line);
                }
                case "vtk" -> {             // VTK keeps spacing and origin (no direction)
                    double[] d = Oracles.numbers(t, 5, 6);
                    assertArrayEquals(new double[] {a.columnNorm(0), a.columnNorm(1), a.columnNorm(2)}, java.util.Arrays.copyOf(d, 3), 1e-12, line);
                    assertArrayEquals(WorldSpace.LPS.origin(a), java.util.Arrays.copyOfRange(d, 3, 6), 0, line);
                }
                default -> {                // ITK: full geometry, through NIfTI (float32)
                    Affine itk = Affine.of(Oracles.numbers(t, 5, 16));
                    worst = Math.max(worst, itk.maxAbsDiff(a));
                    assertTrue(itk.maxAbsDiff(a) <= AFFINE_TOLERANCE, line + ": ours " + a);
                }
            }
            double[] read = Oracles.dump(dir.resolve(t[0] + "." + t[1] + ".f64"));
            assertArrayEquals(o.values(), read, 0, line);
            counts.merge((t[0].matches(".*\\.n(rrd|hdr)") ? "nrrd" : "mha") + " by " + t[1], 1, Integer::sum);
        }
        System.out.printf("format oracle, ours -> theirs: %s; ITK affine within %.1e%n", counts, worst);
        assertTrue(counts.values().stream().mapToInt(Integer::intValue).sum() >= 51, counts.toString());
    }
}
