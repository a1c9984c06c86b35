// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

/**
 * The voxel types this tool reads and writes, with their NIfTI header codes and sizes in bytes; the NRRD and MetaImage
 * readers and writers use the same set.
 */
public enum NiftiDataType {
    UINT8(2, 1, 0, 255),
    INT16(4, 2, Short.MIN_VALUE, Short.MAX_VALUE),
    INT32(8, 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    FLOAT32(16, 4, -Float.MAX_VALUE, Float.MAX_VALUE),
    FLOAT64(64, 8, -Double.MAX_VALUE, Double.MAX_VALUE),
    INT8(256, 1, Byte.MIN_VALUE, Byte.MAX_VALUE),
    UINT16(512, 2, 0, 65535),
    UINT32(768, 4, 0, 4294967295.0),
    INT64(1024, 8, Long.MIN_VALUE, Long.MAX_VALUE);

    private final int code;
    private final int bytes;
    private final double min;
    private final double max;

    NiftiDataType(int code, int bytes, double min, double max) {
        this.code = code;
        this.bytes = bytes;
        this.min = min;
        this.max = max;
    }

    /** The header's {@code datatype} code, e.g. 4 for int16. */
    public int code() { return code; }

    public int bytes() { return bytes; }

    /** The header's {@code bitpix}. */
    public int bitpix() { return 8 * bytes; }

    public boolean isInteger() { return this != FLOAT32 && this != FLOAT64; }

    /** Whether {@code value} fits: integer types exactly, float32 within its range (rounded to float), float64 always. */
    public boolean holds(double value) {
        if (!isInteger()) return this == FLOAT64 || Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) <= max;
        // long's max is 2^63, which double cannot exceed by rounding inside the range check: use a strict bound there
        return value == Math.rint(value) && value >= min && (this == INT64 ? value < 0x1p63 : value <= max);
    }

    /** The type label maps are written with: uint8 when {@code maxLabel} fits, else uint16. */
    public static NiftiDataType forLabels(int maxLabel) { return maxLabel > 255 ? UINT16 : UINT8; }

    /** The type with header code {@code code}; any other code is refused with a message that names the type. */
    public static NiftiDataType ofCode(int code, String where) throws NiftiFormatException {
        for (NiftiDataType t : values())
            if (t.code == code) return t;
        throw new NiftiFormatException(where + ": unsupported NIfTI datatype " + code + " (" + nameOf(code)
            + "); expected a scalar type: uint8, int8, int16, uint16, int32, uint32, int64, float32 or float64");
    }

    /** The NIfTI name of any datatype code, including the ones this tool refuses. */
    static String nameOf(int code) {
        return switch (code) {
            case 0 -> "unknown";
            case 1 -> "binary (1 bit)";
            case 2 -> "uint8"; case 4 -> "int16"; case 8 -> "int32"; case 16 -> "float32"; case 64 -> "float64";
            case 256 -> "int8"; case 512 -> "uint16"; case 768 -> "uint32"; case 1024 -> "int64";
            case 32 -> "complex64";
            case 128 -> "RGB24";
            case 255 -> "all";
            case 1280 -> "uint64";
            case 1536 -> "float128";
            case 1792 -> "complex128";
            case 2048 -> "complex256";
            case 2304 -> "RGBA32";
            default -> "not a NIfTI datatype code";
        };
    }

    @Override public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
}
