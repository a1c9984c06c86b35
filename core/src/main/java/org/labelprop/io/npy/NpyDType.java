// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import java.nio.ByteBuffer;

/** The NumPy element types this codec reads, by their type code ({@code b1}, {@code i2}, {@code f4}, ...). */
public enum NpyDType {
    BOOL("b1"), INT8("i1"), UINT8("u1"), INT16("i2"), UINT16("u2"), INT32("i4"), UINT32("u4"), INT64("i8"), UINT64("u8"),
    FLOAT32("f4"), FLOAT64("f8");

    private final String code;

    NpyDType(String code) { this.code = code; }

    /** Type code without byte order, e.g. "f4". */
    public String code() { return code; }

    /** Bytes per element. */
    public int size() { return code.charAt(1) - '0'; }

    public boolean isFloat() { return code.charAt(0) == 'f'; }

    /** The type with this code, or null. */
    public static NpyDType of(String code) {
        for (NpyDType t : values()) if (t.code.equals(code)) return t;
        return null;
    }

    /** Reads one element at the buffer's position (in the buffer's byte order) as a double; uint64 above 2^63 stays positive. */
    double readDouble(ByteBuffer b) {
        return switch (this) {
            case BOOL -> b.get() != 0 ? 1 : 0;
            case INT8 -> b.get();
            case UINT8 -> b.get() & 0xff;
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xffff;
            case INT32 -> b.getInt();
            case UINT32 -> b.getInt() & 0xffffffffL;
            case INT64 -> b.getLong();
            case UINT64 -> unsigned(b.getLong());
            case FLOAT32 -> b.getFloat();
            case FLOAT64 -> b.getDouble();
        };
    }

    /**
     * Reads one element as a long; {@link Long#MIN_VALUE} marks a value that is not an integer in the long range
     * (a fraction, NaN, infinity, or a uint64 above 2^63 - 1).
     */
    long readLong(ByteBuffer b) {
        return switch (this) {
            case BOOL -> b.get() != 0 ? 1 : 0;
            case INT8 -> b.get();
            case UINT8 -> b.get() & 0xff;
            case INT16 -> b.getShort();
            case UINT16 -> b.getShort() & 0xffff;
            case INT32 -> b.getInt();
            case UINT32 -> b.getInt() & 0xffffffffL;
            case INT64, UINT64 -> {
                long v = b.getLong();
                yield this == UINT64 && v < 0 ? Long.MIN_VALUE : v;
            }
            case FLOAT32, FLOAT64 -> {
                double d = this == FLOAT32 ? b.getFloat() : b.getDouble();
                yield d == Math.rint(d) && Math.abs(d) < 0x1p62 ? (long) d : Long.MIN_VALUE;
            }
        };
    }

    private static double unsigned(long v) { return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1); }
}
