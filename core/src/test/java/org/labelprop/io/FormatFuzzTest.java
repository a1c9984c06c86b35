// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;

/**
 * Mutated NRRD, 3D Slicer segmentation and MetaImage files (header values set to extremes, lines dropped, doubled or
 * garbled, bytes flipped, files cut, compressed data damaged; attached and detached): every read ends normally or in
 * an IOException, never another exception, an OutOfMemoryError or a hang. At least 2,000 files per format.
 */
class FormatFuzzTest {
    private static final int ITERATIONS = 2000;
    private static final String[] EXTREMES = {"", "0", "-1", "1", "3", "4", "nan", "inf", "-0", "1e309", "1e-320", "2147483647",
        "2147483648", "9223372036854775807", "-9223372036854775808", "65536", "(1,0,0)", "(0,0,0) (0,0,0) (0,0,0)", "none",
        "none (1,0,0) (0,1,0) (0,0,1)", "raw", "gzip", "big", "little", "LOCAL", "LIST", "../../etc/passwd", "x%d 1 2 1", "True",
        "False", "MET_UCHAR", "MET_DOUBLE", "unsigned char", "double", "2 2 2 2", "1 1 1", "100000 100000 100000", "é\u0000ü",
        "(nan,1,1) (1,1,1) (1,1,1)", "1 0 0 0 1 0 0 0 1", "0 0 0 0 0 0 0 0 0", "left-posterior-superior", "3D-left-handed"};

    /** A valid file and the detached data file beside it, if any. */
    private record Base(String name, byte[] main, String dataName, byte[] data) {}

    @Test
    void damagedNrrdSegmentationAndMetaImageFilesEndInIOExceptionsOnly(@TempDir Path dir) throws Exception {
        List<Base> bases = bases(dir);
        Random rnd = new Random(20261130);
        int[][] outcomes = new int[3][2];
        String[] kinds = {"nrrd", "seg.nrrd", "mha"};
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            for (int n = 0; n < 3 * ITERATIONS; n++) {
                int kind = n % 3;
                List<Base> mine = bases.stream().filter(b -> kindOf(b) == kind).toList();
                Base base = mine.get(rnd.nextInt(mine.size()));
                Path file = dir.resolve("fuzz" + base.name().substring(base.name().indexOf('.')));
                Files.write(file, mutate(base.main(), rnd));
                if (base.dataName() != null)
                    Files.write(dir.resolve(base.dataName()), rnd.nextInt(4) == 0 ? mutate(base.data(), rnd) : base.data());
                int ok = readAll(file, "iteration " + n + " (" + base.name() + ")");
                outcomes[kind][0] += ok;
                outcomes[kind][1] += 3 - ok;
            }
        }, "a damaged file made a read hang");
        System.out.printf("format fuzz: %d files per format in %.1f s; reads ok/failed: nrrd %s, seg.nrrd %s, mha %s%n", ITERATIONS,
            (System.nanoTime() - start) / 1e9, Arrays.toString(outcomes[0]), Arrays.toString(outcomes[1]), Arrays.toString(outcomes[2]));
        for (int k = 0; k < 3; k++)
            assertTrue(outcomes[k][0] > ITERATIONS / 10 && outcomes[k][1] > ITERATIONS, kinds[k] + ": " + Arrays.toString(outcomes[k]));
    }

    private static int kindOf(Base b) { return b.name().endsWith(".seg.nrrd") ? 1 : b.name().matches(".*\\.m h[ad]".replace(" ", "")) ? 2 : 0; }

    /** Reads volume, labels and segmentation; returns how many succeeded; anything but an IOException fails the test. */
    private static int readAll(Path file, String what) {
        int ok = 0;
        for (int kind = 0; kind < 3; kind++) {
            try {
                switch (kind) {
                    case 0 -> VolumeFiles.readVolume(file);
                    case 1 -> VolumeFiles.readLabels(file);
                    default -> VolumeFiles.readSegmentation(file);
                }
                ok++;
            } catch (IOException expected) {
                // the contract: damaged input ends in an IOException
            } catch (Throwable t) {
                fail(what + ": " + t, t);
            }
        }
        return ok;
    }

    private static byte[] mutate(byte[] original, Random rnd) {
        byte[] b = original.clone();
        int headerEnd = headerEnd(b);
        switch (rnd.nextInt(7)) {
            case 0, 1, 2 -> { return mutateLine(b, headerEnd, rnd); }
            case 3 -> { for (int k = 1 + rnd.nextInt(6); k > 0; k--) b[rnd.nextInt(Math.max(1, headerEnd))] ^= (byte) (1 << rnd.nextInt(8)); }
            case 4 -> { return Arrays.copyOf(b, rnd.nextInt(b.length)); }
            case 5 -> { if (b.length > headerEnd) for (int k = 1 + rnd.nextInt(4); k > 0; k--) b[headerEnd + rnd.nextInt(b.length - headerEnd)] = (byte) rnd.nextInt(256); }
            default -> { for (int k = 1 + rnd.nextInt(4); k > 0; k--) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256); }
        }
        return b;
    }

    /** Sets a header line's value to an extreme, or drops, doubles or swaps lines. */
    private static byte[] mutateLine(byte[] b, int headerEnd, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(new String(b, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\n", -1)));
        int i = rnd.nextInt(lines.size());
        String line = lines.get(i);
        switch (rnd.nextInt(4)) {
            case 0, 1 -> {
                int sep = Math.max(line.indexOf(": "), Math.max(line.indexOf(":="), line.indexOf(" = ")));
                String value = EXTREMES[rnd.nextInt(EXTREMES.length)];
                lines.set(i, sep < 0 ? value : line.substring(0, sep + (line.startsWith(" = ", sep) ? 3 : 2)) + value);
            }
            case 2 -> lines.remove(i);
            default -> lines.add(rnd.nextInt(lines.size()), line);
        }
        byte[] head = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = Arrays.copyOf(head, head.length + b.length - headerEnd);
        System.arraycopy(b, headerEnd, out, head.length, b.length - headerEnd);
        return out;
    }

    /** Where the text header ends: after NRRD's blank line or MetaImage's ElementDataFile line (else the whole file). */
    private static int headerEnd(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 1 << 16), StandardCharsets.ISO_8859_1);
        int nrrd = s.indexOf("\n\n"), mha = s.indexOf("ElementDataFile");
        if (s.startsWith("NRRD") && nrrd >= 0) return nrrd + 1;
        if (mha >= 0) return s.indexOf('\n', mha) + 1;
        return b.length;
    }

    /** Small valid files: every format's attached and detached forms, several types, both byte orders, compressed or not. */
    private static List<Base> bases(Path dir) throws IOException {
        List<Base> bases = new ArrayList<>();
        Random rnd = new Random(3);
        NiftiDataType[] types = {NiftiDataType.UINT8, NiftiDataType.INT16, NiftiDataType.FLOAT32, NiftiDataType.FLOAT64, NiftiDataType.INT64};
        int k = 0;
        for (NiftiDataType t : types)
            for (String ext : new String[] {".nrrd", ".nhdr", ".mha", ".mhd"}) {
                Grid grid = NiftiOracleTest.randomGrid(rnd, new Shape3(4, 3, 2 + rnd.nextInt(2)), k % 4);
                ByteOrder order = k % 2 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                boolean compressed = k++ % 3 != 0;
                Path f = dir.resolve("base" + ext);
                if (ext.startsWith(".n")) Nrrd.write(f, grid, t, order, compressed, Map.of(), i -> i % 50);
                else MetaImage.write(f, grid, t, order, compressed, i -> i % 50);
                String data = ext.equals(".nhdr") ? "base" + (compressed ? ".raw.gz" : ".raw") : ext.equals(".mhd") ? "base" + (compressed ? ".zraw" : ".raw") : null;
                bases.add(new Base("base" + ext, Files.readAllBytes(f), data == null ? null : "fuzz" + data.substring(4),
                    data == null ? null : Files.readAllBytes(dir.resolve(data))));
            }
        for (int n = 0; n < 4; n++) {
            Grid grid = NiftiOracleTest.randomGrid(rnd, new Shape3(3, 3, 2), n);
            int[] labels = new int[grid.shape().voxels()];
            for (int i = 0; i < labels.length; i++) labels[i] = rnd.nextInt(n == 3 ? 300 : 4);
            Path f = dir.resolve("base.seg.nrrd");
            SegNrrd.write(f, new LabelVolume(grid, labels), n % 2 == 0 ? null : ItkSnapLabelsTest.liverAndSpleen());
            bases.add(new Base("base.seg.nrrd", Files.readAllBytes(f), null, null));
        }
        return bases.stream().map(b -> b.dataName() == null || !b.name().endsWith(".nhdr") && !b.name().endsWith(".mhd") ? b
            : new Base(b.name(), rename(b.main(), b.dataName()), b.dataName(), b.data())).toList();
    }

    /** The header naming the fuzz copy's data file instead of the base's. */
    private static byte[] rename(byte[] header, String dataName) {
        String base = "base" + dataName.substring(4);
        return new String(header, StandardCharsets.ISO_8859_1).replace(base, dataName).getBytes(StandardCharsets.ISO_8859_1);
    }
}
