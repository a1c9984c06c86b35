// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/**
 * A 256x256x200 int16 volume (25 MB of voxels) in gzip NRRD and zlib MetaImage streams into its float array: reading
 * allocates the 50 MB result plus small buffers, never a copy of the file or its decompressed bytes.
 */
class FormatMemoryTest {
    private static final long MB = 1 << 20;

    @Test
    void compressedNrrdAndMetaImageStreamIntoTheirFloatArrays(@TempDir Path dir) throws Exception {
        Shape3 shape = new Shape3(256, 256, 200);
        Grid grid = Grid.of(shape, new Spacing(0.9, 0.9, 1.5));
        Path nrrd = dir.resolve("ct.nrrd"), mha = dir.resolve("ct.mha");
        long before = allocated();
        Nrrd.write(nrrd, grid, NiftiDataType.INT16, ByteOrder.LITTLE_ENDIAN, true, Map.of(), i -> (i % 256) * 3 + (i >> 16) - 1024);
        MetaImage.write(mha, grid, NiftiDataType.INT16, ByteOrder.BIG_ENDIAN, true, i -> (i % 256) * 3 + (i >> 16) - 1024);
        long writing = allocated() - before;
        long floats = 4L * shape.voxels();
        for (Path p : new Path[] {nrrd, mha}) {
            System.gc();
            before = allocated();
            Volume v = VolumeFiles.readVolume(p);
            long reading = allocated() - before;
            System.out.printf("%s 256x256x200 int16: read allocated %.1f MB for a %.1f MB float array%n", p.getFileName(),
                reading / (double) MB, floats / (double) MB);
            assertTrue(reading < floats + 16 * MB, p + ": reading allocated " + reading / MB + " MB");
            assertEquals(5 * 3 + 199 - 1024, v.get(5, 255, 199));
        }
        assertTrue(writing < 32 * MB, "writing allocated " + writing / MB + " MB; it must stream");
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
