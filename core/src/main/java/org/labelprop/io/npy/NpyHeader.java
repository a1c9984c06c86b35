// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The header of a {@code .npy} array (NumPy format 1.0, 2.0 or 3.0): element type, byte order, memory order and shape.
 * The layout: magic {@code \x93NUMPY}, major and minor version bytes, the header length (uint16 LE in 1.0, uint32 LE
 * in 2.0/3.0), then a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded
 * with spaces and a newline so the data starts at a multiple of 64 bytes.
 *
 * @param fortranOrder true when the first axis varies fastest in the data (column-major), false for C order
 */
public record NpyHeader(NpyDType dtype, ByteOrder byteOrder, boolean fortranOrder, long[] shape) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Longest header accepted; NumPy itself refuses more than 10,000 bytes by default. */
    static final int MAX_HEADER_BYTES = 100_000;

    public NpyHeader {
        shape = shape.clone();
        for (long d : shape) if (d < 0) throw new IllegalArgumentException("array shape must not be negative, got " + Arrays.toString(shape));
    }

    @Override public long[] shape() { return shape.clone(); }

    /** Number of elements; {@link Long#MAX_VALUE} when the product overflows. */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            if (d != 0 && n > Long.MAX_VALUE / d) return Long.MAX_VALUE;
            n *= d;
        }
        return n;
    }

    /** Bytes of data after the header; {@link Long#MAX_VALUE} when it overflows. */
    public long dataBytes() {
        long n = elements();
        return n > Long.MAX_VALUE / dtype.size() ? Long.MAX_VALUE : n * dtype.size();
    }

    /** E.g. "float32 (2, 3, 4) C order, little-endian". */
    public String describe() {
        String dims = Arrays.toString(shape).replace('[', '(').replace(']', ')');
        return dtype.name().toLowerCase(java.util.Locale.ROOT) + " " + dims + (fortranOrder ? " Fortran order" : " C order")
            + (dtype.size() > 1 ? byteOrder == ByteOrder.BIG_ENDIAN ? ", big-endian" : ", little-endian" : "");
    }

    /** Reads the header, leaving {@code in} at the first data byte. */
    public static NpyHeader read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(8);
        if (head.length < 8 || !Arrays.equals(Arrays.copyOf(head, 6), MAGIC))
            throw new NpyFormatException("not a .npy array: expected the magic bytes \\x93NUMPY, found " + printable(head));
        int major = head[6];
        if (major < 1 || major > 3)
            throw new NpyFormatException(".npy format version " + major + "." + head[7] + " is not supported (1.0, 2.0 and 3.0 are)");
        byte[] lenBytes = in.readNBytes(major == 1 ? 2 : 4);
        if (lenBytes.length < (major == 1 ? 2 : 4)) throw new NpyFormatException(".npy header truncated after the version");
        ByteBuffer lb = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        long len = major == 1 ? lb.getShort() & 0xffff : lb.getInt() & 0xffffffffL;
        if (len > MAX_HEADER_BYTES) throw new NpyFormatException(".npy header of " + len + " bytes; at most " + MAX_HEADER_BYTES + " are accepted");
        byte[] text = in.readNBytes((int) len);
        if (text.length < len) throw new NpyFormatException(".npy header truncated: expected " + len + " bytes, found " + text.length);
        return parse(new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
    }

    /** Parses the dict literal of a header. */
    static NpyHeader parse(String text) throws NpyFormatException {
        if (!(PyLiteral.parse(text) instanceof Map<?, ?> dict))
            throw new NpyFormatException(".npy header is not a dict: " + text.strip());
        Object descr = dict.get("descr"), fortran = dict.get("fortran_order"), shape = dict.get("shape");
        if (!(descr instanceof String d))
            throw new NpyFormatException("unsupported .npy dtype " + descr + ": only plain numbers and booleans are (b1, i1..i8, u1..u8, f4, f8)");
        if (!(fortran instanceof Boolean f)) throw new NpyFormatException(".npy header needs 'fortran_order' True or False, found " + fortran);
        if (!(shape instanceof List<?> dims)) throw new NpyFormatException(".npy header needs a 'shape' tuple, found " + shape);
        long[] s = new long[dims.size()];
        for (int i = 0; i < s.length; i++) {
            if (!(dims.get(i) instanceof Long v) || v < 0) throw new NpyFormatException(".npy shape must hold sizes >= 0, found " + dims);
            s[i] = v;
        }
        if (d.length() < 2) throw new NpyFormatException("unsupported .npy dtype '" + d + "'");
        char order = d.charAt(0);
        NpyDType type = NpyDType.of("<>|=".indexOf(order) >= 0 ? d.substring(1) : d);
        if (type == null)
            throw new NpyFormatException("unsupported .npy dtype '" + d + "': expected b1, i1, u1, i2, u2, i4, u4, i8, u8, f4 or f8");
        return new NpyHeader(type, order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, f, s);
    }

    /** This header as NumPy writes it: version 1.0 (2.0 when longer than 65535 bytes), padded to 64 bytes. */
    public byte[] encode() {
        StringBuilder dims = new StringBuilder("(");
        for (long d : shape) dims.append(d).append(", ");
        if (shape.length > 0) dims.setLength(dims.length() - 2);
        if (shape.length == 1) dims.append(',');
        dims.append(')');
        String order = dtype.size() == 1 ? "|" : byteOrder == ByteOrder.BIG_ENDIAN ? ">" : "<";
        String dict = "{'descr': '" + order + dtype.code() + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
            + ", 'shape': " + dims + ", }";
        int pre = 10;
        if (pre + dict.length() + 1 > 65535) pre = 12;
        int total = (pre + dict.length() + 1 + 63) / 64 * 64;
        byte[] text = (dict + " ".repeat(total - pre - dict.length() - 1) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(pre + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (pre == 10 ? 1 : 2)).put((byte) 0);
        if (pre == 10) b.putShort((short) text.length); else b.putInt(text.length);
        return b.put(text).array();
    }

    @Override public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.dtype == dtype && h.byteOrder.equals(byteOrder) && h.fortranOrder == fortranOrder
            && Arrays.equals(h.shape, shape);
    }

    @Override public int hashCode() { return Arrays.hashCode(shape) * 31 + dtype.hashCode(); }

    @Override public String toString() { return describe(); }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(x >= 32 && x < 127 ? String.valueOf((char) x) : String.format("\\x%02x", x & 0xff));
        return s.length() == 0 ? "an empty stream" : "'" + s + "'";
    }
}
