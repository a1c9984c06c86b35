// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/**
 * A 512x512x300 int16 .nii.gz (150 MB of voxels) loads with no more heap than its float32 result (300 MB) plus small
 * buffers: the bytes this thread allocates while reading bound the peak heap from above, and holding the file (or
 * its decompressed bytes) in memory would add at least 150 MB.
 */
class NiftiMemoryTest {
    private static final long MB = 1 << 20;

    @Test
    void largeGzipVolumeStreamsIntoItsFloatArray(@TempDir Path dir) throws Exception {
        Shape3 shape = new Shape3(512, 512, 300);
        NiftiHeader h = Nifti.header(Grid.of(shape, new Spacing(0.7, 0.7, 1.5))).withDataType(NiftiDataType.INT16);
        Path file = dir.resolve("ct.nii.gz");

        long before = allocated();
        Nifti.write(file, h, i -> (i % 512) * 3 + (i >> 18) - 1024);     // rows vary along x and with the slice
        long writing = allocated() - before;

        System.gc();
        before = allocated();
        Volume v = Nifti.readVolume(file);
        long reading = allocated() - before;

        long floats = 4L * shape.voxels();
        System.out.printf("512x512x300 int16 .nii.gz (%d MB on disk): write allocated %.1f MB, read allocated %.1f MB"
            + " for a %.1f MB float array%n", Files.size(file) / MB, writing / (double) MB, reading / (double) MB, floats / (double) MB);
        assertTrue(writing < 16 * MB, "writing allocated " + writing / MB + " MB; it must stream");
        assertTrue(reading < floats + 16 * MB, "reading allocated " + reading / MB + " MB for a " + floats / MB + " MB result");
        assertEquals(5 * 3 + 299 - 1024, v.get(5, 511, 299));
        assertEquals(-1024, v.get(0, 0, 0));
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
