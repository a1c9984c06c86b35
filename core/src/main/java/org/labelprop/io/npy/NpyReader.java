// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads the data of a {@code .npy} array into a Java array, in the element order the caller asks for (the file's own
 * order is converted while streaming; no second copy). Memory: the result array plus a 64 KiB buffer. The size the
 * header declares is checked against the caller's limit before anything is allocated.
 */
public final class NpyReader {
    /** Largest Java array. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int BUFFER = 1 << 16;

    private NpyReader() { }

    /** A whole {@code .npy} stream (header and data) as floats in {@code order}. */
    public static float[] readFloats(InputStream in, NpyOrder order, long maxElements) throws IOException {
        return floats(in, NpyHeader.read(in), order, maxElements);
    }

    /** The data following {@code header} as floats (float64 and 64-bit integers are rounded to the nearest float). */
    public static float[] floats(InputStream in, NpyHeader header, NpyOrder order, long maxElements) throws IOException {
        float[] out = new float[checkedSize(header, maxElements)];
        NpyDType t = header.dtype();
        read(in, header, order, (i, b) -> out[i] = (float) t.readDouble(b));
        return out;
    }

    /**
     * The data following {@code header} as ints; floats must hold whole numbers and every value must fit an int.
     * @throws NpyFormatException naming the first value that does not
     */
    public static int[] ints(InputStream in, NpyHeader header, NpyOrder order, long maxElements) throws IOException {
        int[] out = new int[checkedSize(header, maxElements)];
        NpyDType t = header.dtype();
        long[] badIndex = {-1};
        double[] badValue = {0};
        read(in, header, order, (i, b) -> {
            int at = b.position();
            long v = t.readLong(b);
            if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
                out[i] = (int) v;
            } else if (badIndex[0] < 0) {
                badIndex[0] = i;
                badValue[0] = t.readDouble(b.duplicate().order(b.order()).position(at));
            }
        });
        if (badIndex[0] >= 0)
            throw new NpyFormatException("expected whole numbers within the 32-bit integer range in the " + header.describe()
                + " array, found " + badValue[0] + " at element " + badIndex[0] + " (" + order + " order)");
        return out;
    }

    private static int checkedSize(NpyHeader h, long maxElements) throws NpyFormatException {
        long n = h.elements(), limit = Math.min(maxElements, MAX_ELEMENTS);
        if (n > limit) throw new NpyFormatException("the " + h.describe() + " array has " + (n == Long.MAX_VALUE ? "more than 2^63" : n)
            + " elements; at most " + limit + " are accepted");
        return (int) n;
    }

    /** Receives element {@code index} (in the requested order), to be read at the buffer's position. */
    private interface Sink {
        void put(int index, ByteBuffer element);
    }

    private static void read(InputStream in, NpyHeader h, NpyOrder order, Sink sink) throws IOException {
        long[] shape = h.shape();
        int n = shape.length, size = h.dtype().size();
        long total = h.elements();
        NpyOrder stored = h.fortranOrder() ? NpyOrder.FORTRAN : NpyOrder.C;
        boolean same = stored == order || n <= 1;
        long[] stride = order.strides(shape);
        int[] fastestFirst = new int[n];
        for (int i = 0; i < n; i++) fastestFirst[i] = stored == NpyOrder.FORTRAN ? i : n - 1 - i;
        long[] counter = new long[n];
        byte[] buf = new byte[BUFFER];
        ByteBuffer b = ByteBuffer.wrap(buf).order(h.byteOrder());
        long done = 0, dest = 0;
        while (done < total) {
            int want = (int) Math.min(BUFFER / size, total - done) * size;
            int got = in.readNBytes(buf, 0, want);
            if (got < want)
                throw new NpyFormatException("the " + h.describe() + " array is truncated: expected " + h.dataBytes()
                    + " bytes of data, found " + (done * size + got));
            b.clear();
            for (int k = 0; k < want / size; k++, done++) {
                sink.put((int) (same ? done : dest), b);
                if (same) continue;
                for (int a = 0; a < n; a++) { // odometer over the stored order, fastest axis first
                    int axis = fastestFirst[a];
                    dest += stride[axis];
                    if (++counter[axis] < shape[axis]) break;
                    dest -= stride[axis] * shape[axis];
                    counter[axis] = 0;
                }
            }
        }
    }
}
