// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntToDoubleFunction;
import java.util.zip.ZipException;

/** Streams voxel values between bytes and doubles in chunks of 64 KiB: the only buffer besides the caller's array. */
final class VoxelCodec {
    private static final int CHUNK_BYTES = 1 << 16;

    /** Receives decoded stored values {@code values[0..count)} for voxels {@code first .. first+count-1}. */
    interface Sink {
        void accept(double[] values, int count, int first) throws VolumeFormatException;
    }

    private VoxelCodec() {}

    /** Reads {@code voxels} stored values; a short or damaged stream is refused with an exception made by {@code errors}. */
    static void read(InputStream in, NiftiDataType t, ByteOrder order, int voxels, String where, FormatErrors errors, Sink sink)
            throws IOException {
        int size = t.bytes(), per = CHUNK_BYTES / size;
        byte[] buf = new byte[per * size];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
        double[] values = new double[per];
        long total = (long) voxels * size;
        for (int first = 0; first < voxels; first += per) {
            int count = Math.min(per, voxels - first), want = count * size, got;
            long done = (long) first * size;
            try {
                got = in.readNBytes(buf, 0, want);
            } catch (EOFException | ZipException e) {
                throw errors.error(where + ": file ends after at most " + done + " of " + total
                    + " data bytes (damaged or truncated compressed stream: " + e.getMessage() + ")", e);
            }
            if (got < want) throw errors.error(where + ": file ends after " + (done + got) + " of " + total + " data bytes");
            decode(bb, t, count, values);
            sink.accept(values, count, first);
        }
    }

    private static void decode(ByteBuffer b, NiftiDataType t, int n, double[] v) {
        switch (t) {
            case UINT8 -> { for (int i = 0; i < n; i++) v[i] = b.get(i) & 0xff; }
            case INT8 -> { for (int i = 0; i < n; i++) v[i] = b.get(i); }
            case INT16 -> { for (int i = 0; i < n; i++) v[i] = b.getShort(2 * i); }
            case UINT16 -> { for (int i = 0; i < n; i++) v[i] = b.getShort(2 * i) & 0xffff; }
            case INT32 -> { for (int i = 0; i < n; i++) v[i] = b.getInt(4 * i); }
            case UINT32 -> { for (int i = 0; i < n; i++) v[i] = b.getInt(4 * i) & 0xffffffffL; }
            case INT64 -> { for (int i = 0; i < n; i++) v[i] = b.getLong(8 * i); }
            case FLOAT32 -> { for (int i = 0; i < n; i++) v[i] = b.getFloat(4 * i); }
            case FLOAT64 -> { for (int i = 0; i < n; i++) v[i] = b.getDouble(8 * i); }
        }
    }

    /**
     * Writes {@code voxels} stored values as type {@code t}; a value the type cannot hold exactly (integer types) or at
     * all (float32 overflow) is refused.
     */
    static void write(OutputStream out, NiftiDataType t, ByteOrder order, int voxels, IntToDoubleFunction value) throws IOException {
        int size = t.bytes(), per = CHUNK_BYTES / size;
        byte[] buf = new byte[per * size];
        ByteBuffer b = ByteBuffer.wrap(buf).order(order);
        for (int first = 0; first < voxels; first += per) {
            int count = Math.min(per, voxels - first);
            for (int i = 0; i < count; i++) {
                double v = value.applyAsDouble(first + i);
                if (!t.holds(v))
                    throw new IllegalArgumentException("value " + v + " at voxel " + (first + i) + " does not fit NIfTI type " + t);
                switch (t) {
                    case UINT8, INT8 -> b.put(i, (byte) (long) v);
                    case INT16, UINT16 -> b.putShort(2 * i, (short) (long) v);
                    case INT32, UINT32 -> b.putInt(4 * i, (int) (long) v);
                    case INT64 -> b.putLong(8 * i, (long) v);
                    case FLOAT32 -> b.putFloat(4 * i, (float) v);
                    case FLOAT64 -> b.putDouble(8 * i, v);
                }
            }
            out.write(buf, 0, count * size);
        }
    }
}
