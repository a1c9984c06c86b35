// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Byte layout of NIfTI-1 (348 bytes) and NIfTI-2 (540 bytes) headers: field offsets from the two standards. */
final class NiftiHeaderCodec {
    static final byte[] MAGIC_1 = {'n', '+', '1', 0};
    static final byte[] MAGIC_2 = {'n', '+', '2', 0, '\r', '\n', 032, '\n'};

    private NiftiHeaderCodec() {}

    /** Decodes a complete header ({@link NiftiHeader#headerBytes()} bytes); the magic has already been checked. */
    static NiftiHeader decode(byte[] bytes, int version, ByteOrder order, String where) throws NiftiFormatException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
        long[] dim = new long[8];
        double[] pixdim = new double[8], srow = new double[12];
        if (version == 1) {
            for (int i = 0; i < 8; i++) { dim[i] = b.getShort(40 + 2 * i); pixdim[i] = b.getFloat(76 + 4 * i); }
            for (int i = 0; i < 12; i++) srow[i] = b.getFloat(280 + 4 * i);
            double vox = b.getFloat(108);
            if (!(vox >= 0) || vox != Math.rint(vox) || vox > Long.MAX_VALUE)
                throw new NiftiFormatException(where + ": vox_offset is " + vox + ", expected a whole number of bytes >= 352");
            return new NiftiHeader(1, order, dim, b.getShort(70), b.getShort(72), pixdim, (long) vox,
                b.getFloat(112), b.getFloat(116), b.getFloat(128), b.getFloat(124),
                b.getShort(252), floats(b, 256, 3), floats(b, 268, 3), b.getShort(254), srow,
                b.get(123) & 0xff, b.getShort(68), floats(b, 56, 3), text(bytes, 328, 16), text(bytes, 148, 80), b.get(39) & 0xff);
        }
        for (int i = 0; i < 8; i++) { dim[i] = b.getLong(16 + 8 * i); pixdim[i] = b.getDouble(104 + 8 * i); }
        for (int i = 0; i < 12; i++) srow[i] = b.getDouble(400 + 8 * i);
        return new NiftiHeader(2, order, dim, b.getShort(12), b.getShort(14), pixdim, b.getLong(168),
            b.getDouble(176), b.getDouble(184), b.getDouble(200), b.getDouble(192),
            b.getInt(344), doubles(b, 352, 3), doubles(b, 376, 3), b.getInt(348), srow,
            b.getInt(500), b.getInt(504), doubles(b, 80, 3), text(bytes, 508, 16), text(bytes, 240, 80), b.get(524) & 0xff);
    }

    /** The header followed by 4 zero bytes (no extensions): exactly {@code headerBytes() + 4} bytes. */
    static byte[] encode(NiftiHeader h, long voxOffset) {
        int size = h.headerBytes();
        ByteBuffer b = ByteBuffer.allocate(size + 4).order(h.byteOrder());
        b.putInt(0, size);
        double[] q = h.quatern(), qo = h.qoffset(), p = h.intentP();
        if (h.version() == 1) {
            b.put(38, (byte) 'r');
            b.put(39, (byte) h.dimInfo());
            for (int i = 0; i < 8; i++) { b.putShort(40 + 2 * i, (short) h.dim(i)); b.putFloat(76 + 4 * i, (float) h.pixdim(i)); }
            for (int i = 0; i < 3; i++) {
                b.putFloat(56 + 4 * i, (float) p[i]);
                b.putFloat(256 + 4 * i, (float) q[i]);
                b.putFloat(268 + 4 * i, (float) qo[i]);
            }
            b.putShort(68, (short) h.intentCode()).putShort(70, (short) h.datatype()).putShort(72, (short) h.bitpix());
            b.putFloat(108, voxOffset).putFloat(112, (float) h.sclSlope()).putFloat(116, (float) h.sclInter());
            b.put(123, (byte) h.xyztUnits()).putFloat(124, (float) h.calMax()).putFloat(128, (float) h.calMin());
            putText(b, 148, 80, h.descrip());
            b.putShort(252, (short) h.qformCode()).putShort(254, (short) h.sformCode());
            for (int i = 0; i < 12; i++) b.putFloat(280 + 4 * i, (float) h.srow(i));
            putText(b, 328, 16, h.intentName());
            b.put(344, MAGIC_1);
        } else {
            b.put(4, MAGIC_2);
            b.putShort(12, (short) h.datatype()).putShort(14, (short) h.bitpix());
            for (int i = 0; i < 8; i++) { b.putLong(16 + 8 * i, h.dim(i)); b.putDouble(104 + 8 * i, h.pixdim(i)); }
            for (int i = 0; i < 3; i++) {
                b.putDouble(80 + 8 * i, p[i]);
                b.putDouble(352 + 8 * i, q[i]);
                b.putDouble(376 + 8 * i, qo[i]);
            }
            b.putLong(168, voxOffset).putDouble(176, h.sclSlope()).putDouble(184, h.sclInter());
            b.putDouble(192, h.calMax()).putDouble(200, h.calMin());
            putText(b, 240, 80, h.descrip());
            b.putInt(344, h.qformCode()).putInt(348, h.sformCode());
            for (int i = 0; i < 12; i++) b.putDouble(400 + 8 * i, h.srow(i));
            b.putInt(500, h.xyztUnits()).putInt(504, h.intentCode());
            putText(b, 508, 16, h.intentName());
            b.put(524, (byte) h.dimInfo());
        }
        return b.array();
    }

    private static double[] floats(ByteBuffer b, int offset, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = b.getFloat(offset + 4 * i);
        return r;
    }

    private static double[] doubles(ByteBuffer b, int offset, int n) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = b.getDouble(offset + 8 * i);
        return r;
    }

    /** A NUL-terminated ISO-8859-1 string field. */
    private static String text(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) end++;
        return new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    /** Writes at most {@code length - 1} characters so the field stays NUL-terminated. */
    private static void putText(ByteBuffer b, int offset, int length, String s) {
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        b.put(offset, t, 0, Math.min(t.length, length - 1));
    }
}
