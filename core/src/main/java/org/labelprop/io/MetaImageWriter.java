// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/**
 * Writes MetaImage files as ITK's MetaImageIO does: unit direction rows in {@code TransformMatrix}, column lengths in
 * {@code ElementSpacing}, {@code Offset}, all LPS; zlib data with {@code CompressedDataSize} when compressed. A name
 * ending in ".mhd" gets a detached data file ({@code NAME.raw}, or {@code NAME.zraw} compressed), written first.
 */
final class MetaImageWriter {
    private static final int BUFFER = 1 << 16;

    private MetaImageWriter() {}

    static void write(Path file, Grid grid, NiftiDataType type, ByteOrder order, boolean compressed, IntToDoubleFunction value)
            throws IOException {
        Path abs = file.toAbsolutePath();
        String name = abs.getFileName().toString();
        boolean detached = name.toLowerCase(Locale.ROOT).endsWith(".mhd");
        if (AtomicFiles.gzipByName(file))
            throw new IllegalArgumentException("a MetaImage file name ends in .mha or .mhd, not .gz (" + file + "); use compression");
        Path dataFile = abs.resolveSibling(name.substring(0, name.length() - (detached ? 4 : 0)) + (compressed ? ".zraw" : ".raw"));
        Shape3 s = grid.shape();
        AtomicFiles.Body data = out -> VoxelCodec.write(out, type, order, s.voxels(), value);
        if (!compressed) {
            if (detached) AtomicFiles.write(dataFile, data);
            byte[] header = header(grid, type, order, -1, detached ? dataFile.getFileName().toString() : "LOCAL");
            AtomicFiles.write(abs, out -> {
                out.write(header);
                if (!detached) data.writeTo(out);
            });
            return;
        }
        // CompressedDataSize precedes the data: compress into a temporary file first to learn it
        Path tmp = Files.createTempFile(abs.getParent(), "." + name + ".", ".zraw.tmp");
        try {
            try (OutputStream out = new DeflaterOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER),
                    new Deflater(Deflater.BEST_SPEED), BUFFER) {
                @Override public void close() throws IOException {
                    try { super.close(); } finally { def.end(); }
                }
            }) {
                data.writeTo(out);
            }
            byte[] header = header(grid, type, order, Files.size(tmp), detached ? dataFile.getFileName().toString() : "LOCAL");
            if (detached) {
                AtomicFiles.move(tmp, dataFile);
                AtomicFiles.write(abs, out -> out.write(header));
            } else {
                AtomicFiles.write(abs, out -> {
                    out.write(header);
                    Files.copy(tmp, out);
                });
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] header(Grid grid, NiftiDataType type, ByteOrder order, long compressedSize, String dataFile) {
        StringBuilder h = new StringBuilder("ObjectType = Image\nNDims = 3\nBinaryData = True\n");
        h.append("BinaryDataByteOrderMSB = ").append(order == ByteOrder.BIG_ENDIAN ? "True" : "False").append('\n');
        h.append("CompressedData = ").append(compressedSize >= 0 ? "True" : "False").append('\n');
        if (compressedSize >= 0) h.append("CompressedDataSize = ").append(compressedSize).append('\n');
        StringBuilder matrix = new StringBuilder(), spacing = new StringBuilder();
        for (int axis = 0; axis < 3; axis++) {
            double[] v = WorldSpace.LPS.axis(grid.affine(), axis);
            double norm = grid.affine().columnNorm(axis);
            for (double c : v) matrix.append(matrix.length() == 0 ? "" : " ").append(HeaderValues.format(c / norm));
            spacing.append(axis == 0 ? "" : " ").append(HeaderValues.format(norm));
        }
        double[] o = WorldSpace.LPS.origin(grid.affine());
        h.append("TransformMatrix = ").append(matrix).append('\n');
        h.append("Offset = ").append(HeaderValues.format(o[0])).append(' ').append(HeaderValues.format(o[1])).append(' ')
            .append(HeaderValues.format(o[2])).append('\n');
        h.append("CenterOfRotation = 0 0 0\n");
        h.append("AnatomicalOrientation = ").append(itkOrientation(grid.affine())).append('\n');
        h.append("ElementSpacing = ").append(spacing).append('\n');
        Shape3 s = grid.shape();
        h.append("DimSize = ").append(s.nx()).append(' ').append(s.ny()).append(' ').append(s.nz()).append('\n');
        h.append("ElementType = ").append(MetaImageTypes.name(type)).append('\n');
        h.append("ElementDataFile = ").append(dataFile).append('\n');
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The orientation code ITK writes (its SpatialOrientationAdapter): each array axis named by the side it comes from
     * ("RAI" for the identity in LPS), axes matched to world axes greedily by the largest remaining direction cosine,
     * so every code is a permutation even for strongly oblique grids (later entries win ties, as in ITK).
     */
    static String itkOrientation(Affine ras) {
        double[][] lps = new double[3][];
        for (int axis = 0; axis < 3; axis++) lps[axis] = WorldSpace.LPS.axis(ras, axis);
        char[] code = new char[3];
        boolean[] worldUsed = new boolean[3], axisUsed = new boolean[3];
        for (int step = 0; step < 3; step++) {
            int bestWorld = -1, bestAxis = -1;
            for (int world = 0; world < 3; world++)
                for (int axis = 0; axis < 3; axis++)
                    if (!worldUsed[world] && !axisUsed[axis]
                        && (bestWorld < 0 || Math.abs(lps[axis][world]) >= Math.abs(lps[bestAxis][bestWorld]))) {
                        bestWorld = world;
                        bestAxis = axis;
                    }
            worldUsed[bestWorld] = axisUsed[bestAxis] = true;
            code[bestAxis] = (lps[bestAxis][bestWorld] > 0 ? "RAI" : "LPS").charAt(bestWorld);
        }
        return new String(code);
    }
}
