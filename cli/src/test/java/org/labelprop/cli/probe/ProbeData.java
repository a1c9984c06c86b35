// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.labelprop.io.Nifti;
import org.labelprop.io.NiftiDataType;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

/**
 * Attack payloads: gzip bombs (a true NIfTI-1 header followed by gigabytes of zeros, as concatenated gzip members of
 * 64 MiB each, so building one takes a fraction of a second) and plain files of a given size.
 */
final class ProbeData {
    private static final int CHUNK = 64 << 20;
    private static byte[] zerosMember;

    private ProbeData() { }

    /** A .nii.gz whose header declares {@code nx x ny x nz} voxels of {@code type}, with every data byte present (zeros). */
    static byte[] bomb(Path dir, int nx, int ny, int nz, NiftiDataType type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(header(dir, nx, ny, nz, type));
        }
        long data = (long) nx * ny * nz * type.bytes();
        for (long done = 0; done < data; done += CHUNK) {
            int n = (int) Math.min(CHUNK, data - done);
            out.write(n == CHUNK ? zeros() : gzip(new byte[n]));
        }
        return out.toByteArray();
    }

    /** The 352 bytes (header and empty extension flag) of a NIfTI-1 file of the given shape and type. */
    private static byte[] header(Path dir, int nx, int ny, int nz, NiftiDataType type) throws IOException {
        Path f = Files.createTempFile(dir, "header", ".nii");
        Nifti.write(f, Nifti.header(Grid.of(new Shape3(1, 1, 1), new Spacing(1, 1, 1))).withDataType(type), i -> 0);
        byte[] h = Arrays.copyOf(Files.readAllBytes(f), 352);
        Files.delete(f);
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(42, (short) nx).putShort(44, (short) ny).putShort(46, (short) nz); // dim[1..3] (int16 in NIfTI-1)
        return h;
    }

    private static synchronized byte[] zeros() throws IOException {
        if (zerosMember == null) zerosMember = gzip(new byte[CHUNK]);
        return zerosMember;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A gzip file with one byte of its CRC-32 trailer changed: the data decode, the check must fail. */
    static byte[] withBadCrc(byte[] gzip) {
        byte[] b = gzip.clone();
        b[b.length - 8] ^= 0x5a;
        return b;
    }

    static String mib(long bytes) { return String.format("%.1f MiB", bytes / (double) (1 << 20)); }
}
