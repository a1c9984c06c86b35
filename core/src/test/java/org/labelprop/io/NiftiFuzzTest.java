// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/**
 * Mutated, truncated and gzip-corrupted files: every read ends normally or in an IOException (mostly
 * NiftiFormatException); never another exception, an OutOfMemoryError or a hang.
 */
class NiftiFuzzTest {
    private static final int ITERATIONS = 2000;
    /** (offset, kind) of the numeric fields of each header; kinds: s short, i int, l long, f float, d double. */
    private static final Object[][] FIELDS_1 = fields(
        "0i 40s 42s 44s 46s 48s 50s 68s 70s 72s 76f 80f 84f 88f 92f 108f 112f 116f 124f 128f 252s 254s 256f 260f 264f 268f 280f 284f 296f 312f 324f 344i");
    private static final Object[][] FIELDS_2 = fields(
        "0i 4l 12s 14s 16l 24l 32l 40l 48l 56l 104d 112d 120d 128d 168l 176d 184d 344i 348i 352d 360d 368d 376d 400d 408d 432d 464d 488d 500i 504i");

    private record Base(byte[] bytes, int version, ByteOrder order, boolean gzip) {}

    @Test
    void damagedFilesEndInIOExceptionsOnly(@TempDir Path dir) throws Exception {
        List<Base> bases = bases(dir);
        Random rnd = new Random(20261126);
        Path file = dir.resolve("fuzz");
        int[] outcomes = new int[2];
        // one preemptive timeout around the whole run: a hang anywhere fails within a minute, and the thread is left
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int n = 0; n < ITERATIONS; n++) {
                Base base = bases.get(rnd.nextInt(bases.size()));
                Files.write(file, mutate(base, rnd));
                int ok = readAll(file, "iteration " + n + " (NIfTI-" + base.version + " " + base.order + (base.gzip ? " gzip" : "") + ")");
                outcomes[0] += ok;
                outcomes[1] += 3 - ok;
            }
        }, "a damaged file made a read hang");
        // the mutations must exercise both outcomes
        assertTrue(outcomes[0] > ITERATIONS / 10 && outcomes[1] > ITERATIONS, "successful reads " + outcomes[0] + ", failed reads " + outcomes[1]);
    }

    /** Reads header, volume and labels; returns how many succeeded; any non-IOException fails the test. */
    private static int readAll(Path file, String what) {
        int ok = 0;
        for (int kind = 0; kind < 3; kind++) {
            try {
                switch (kind) {
                    case 0 -> Nifti.readHeader(file);
                    case 1 -> Nifti.readVolume(file);
                    default -> Nifti.readLabels(file);
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

    private static byte[] mutate(Base base, Random rnd) throws IOException {
        byte[] b = base.bytes.clone();
        int headerEnd = base.version == 1 ? 352 : 544;
        int kind = rnd.nextInt(base.gzip ? 6 : 4);
        switch (kind) {
            case 0 -> { for (int k = 1 + rnd.nextInt(8); k > 0; k--) b[rnd.nextInt(headerEnd)] ^= (byte) (1 << rnd.nextInt(8)); }
            case 1 -> setExtreme(ByteBuffer.wrap(b).order(base.order), base.version == 1 ? FIELDS_1 : FIELDS_2, rnd);
            case 2 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
            default -> { for (int k = 1 + rnd.nextInt(4); k > 0; k--) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256); }
        }
        if (!base.gzip) return b;
        byte[] gz = NiftiMessagesTest.gzip(kind < 4 ? b : base.bytes);
        if (kind == 4) for (int k = 1 + rnd.nextInt(3); k > 0; k--) gz[10 + rnd.nextInt(gz.length - 10)] ^= (byte) (1 << rnd.nextInt(8));
        if (kind == 5) gz = Arrays.copyOf(gz, rnd.nextInt(gz.length));
        return gz;
    }

    private static void setExtreme(ByteBuffer b, Object[][] fields, Random rnd) {
        Object[] f = fields[rnd.nextInt(fields.length)];
        int at = (Integer) f[0];
        long[] integers = {0, -1, 1, 2, 4, 7, 8, 1002, Short.MAX_VALUE, Short.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Long.MAX_VALUE, Long.MIN_VALUE, 1L << 31, 1L << 40, 65536, 540, 348};
        double[] reals = {0, -0.0, -1, 1, 0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e38, -1e38,
            1e-40, Float.MAX_VALUE, Double.MAX_VALUE, 352, 1e9, 2.5};
        long i = integers[rnd.nextInt(integers.length)];
        double r = reals[rnd.nextInt(reals.length)];
        switch ((Character) f[1]) {
            case 's' -> b.putShort(at, (short) i);
            case 'i' -> b.putInt(at, (int) i);
            case 'l' -> b.putLong(at, i);
            case 'f' -> b.putFloat(at, (float) r);
            default -> b.putDouble(at, r);
        }
    }

    /** Small valid files: NIfTI-1/2, both byte orders, plain and gzip, a few data types and geometries. */
    private static List<Base> bases(Path dir) throws IOException {
        List<Base> bases = new ArrayList<>();
        Random rnd = new Random(3);
        NiftiDataType[] types = {NiftiDataType.UINT8, NiftiDataType.INT16, NiftiDataType.FLOAT32, NiftiDataType.FLOAT64, NiftiDataType.INT64};
        int k = 0;
        for (int version = 1; version <= 2; version++)
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN})
                for (NiftiDataType t : types) {
                    Grid grid = NiftiOracleTest.randomGrid(rnd, new Shape3(4, 3, 2 + rnd.nextInt(2)), k++ % 4);
                    Path f = dir.resolve("base.nii");
                    Nifti.write(f, Nifti.header(grid).withVersion(version).withByteOrder(order).withDataType(t), i -> i % 50);
                    byte[] bytes = Files.readAllBytes(f);
                    bases.add(new Base(bytes, version, order, false));
                    bases.add(new Base(bytes, version, order, true));
                }
        return bases;
    }

    private static Object[][] fields(String spec) {
        return Arrays.stream(spec.split(" "))
            .map(s -> new Object[] {Integer.parseInt(s.substring(0, s.length() - 1)), s.charAt(s.length() - 1)})
            .toArray(Object[][]::new);
    }
}
