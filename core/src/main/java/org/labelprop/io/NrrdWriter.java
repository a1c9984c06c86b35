// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/**
 * Writes NRRD0004 files as teem and ITK do: space left-posterior-superior, space directions and origin from the grid's
 * affine (x and y negated: exact), raw or gzip data. A name ending in ".nhdr" gets a detached data file beside it
 * ({@code NAME.raw} or {@code NAME.raw.gz}), written first; every file is written atomically.
 */
final class NrrdWriter {
    private NrrdWriter() {}

    static void write(Path file, Grid grid, NiftiDataType type, ByteOrder order, boolean gzip, Map<String, String> keyValues,
                      IntToDoubleFunction value) throws IOException {
        Shape3 s = grid.shape();
        String name = file.getFileName().toString();
        boolean detached = name.toLowerCase(Locale.ROOT).endsWith(".nhdr");
        String dataName = name.substring(0, name.length() - (detached ? 5 : 0)) + (gzip ? ".raw.gz" : ".raw");
        StringBuilder h = new StringBuilder("NRRD0004\n# Complete NRRD file format specification at:\n"
            + "# http://teem.sourceforge.net/nrrd/format.html\n");
        h.append("type: ").append(NrrdTypes.name(type)).append('\n');
        h.append("dimension: 3\nspace: left-posterior-superior\n");
        h.append("sizes: ").append(s.nx()).append(' ').append(s.ny()).append(' ').append(s.nz()).append('\n');
        h.append("space directions:");
        for (int axis = 0; axis < 3; axis++) h.append(' ').append(vector(WorldSpace.LPS.axis(grid.affine(), axis)));
        h.append("\nkinds: domain domain domain\n");
        if (type.bytes() > 1) h.append("endian: ").append(order == ByteOrder.BIG_ENDIAN ? "big" : "little").append('\n');
        h.append("encoding: ").append(gzip ? "gzip" : "raw").append('\n');
        h.append("space origin: ").append(vector(WorldSpace.LPS.origin(grid.affine()))).append('\n');
        if (detached) h.append("data file: ").append(dataName).append('\n');
        for (Map.Entry<String, String> kv : keyValues.entrySet()) {
            if (kv.getKey().isEmpty() || kv.getKey().contains(":="))
                throw new IllegalArgumentException("NRRD key " + HeaderValues.shown(kv.getKey()) + " must be non-empty without \":=\"");
            h.append(NrrdHeader.escape(kv.getKey())).append(":=").append(NrrdHeader.escape(kv.getValue())).append('\n');
        }
        byte[] header = h.append(detached ? "" : "\n").toString().getBytes(StandardCharsets.UTF_8);
        if (AtomicFiles.gzipByName(file))
            throw new IllegalArgumentException("a NRRD file name ends in .nrrd or .nhdr, not .gz (" + file + "); use gzip encoding");
        if (detached) {                  // the data file first: a header never names a file that is not there
            AtomicFiles.write(file.resolveSibling(dataName), out -> VoxelCodec.write(out, type, order, s.voxels(), value));  // .gz: gzip
            AtomicFiles.write(file, out -> out.write(header));
            return;
        }
        AtomicFiles.write(file, out -> {
            out.write(header);
            OutputStream data = gzip ? AtomicFiles.fastGzip(new NonClosingOutput(out)) : out;
            VoxelCodec.write(data, type, order, s.voxels(), value);
            if (gzip) data.close();
        });
    }

    private static String vector(double[] v) {
        return "(" + HeaderValues.format(v[0]) + "," + HeaderValues.format(v[1]) + "," + HeaderValues.format(v[2]) + ")";
    }
}
