// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads and writes {@link Checkpoint}s in the LabelProp-Java checkpoint format, version 1 (big-endian throughout):
 * <pre>
 *   8 bytes   magic "LPNNCKPT"
 *   int32     format version (1)
 *   int32     header length L, then L bytes of UTF-8 "key=value" lines: channels (comma-separated), integrationSteps,
 *             seed, preset, steps, seconds, finalLoss, sliceHeight, sliceWidth, axis
 *   int32     weight count T, then per weight: int32 name length, UTF-8 name, int32 rank, rank × int64 dimensions,
 *             float32 values (row-major)
 *   int64     CRC-32 of every byte before it
 * </pre>
 * Reading checks magic, version, checksum, completeness and consistency, and throws {@link CheckpointFormatException}
 * saying which check failed. Whether the weights fit the architecture is checked by {@link Checkpoint#newNetwork()}.
 */
public final class CheckpointStore {
    static final byte[] MAGIC = "LPNNCKPT".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;

    private CheckpointStore() { }

    public static void write(Checkpoint c, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) { write(c, out); }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);   // never leave a half-written file
    }

    public static void write(Checkpoint c, OutputStream sink) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        out.write(MAGIC);
        out.writeInt(VERSION);
        byte[] header = CheckpointHeader.format(c).getBytes(StandardCharsets.UTF_8);
        out.writeInt(header.length);
        out.write(header);
        out.writeInt(c.weights().size());
        for (var e : c.weights().entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            out.writeInt(name.length);
            out.write(name);
            long[] shape = e.getValue().shape();
            out.writeInt(shape.length);
            for (long d : shape) out.writeLong(d);
            ByteBuffer b = ByteBuffer.allocate(4 * e.getValue().values().length);
            b.asFloatBuffer().put(e.getValue().values());
            out.write(b.array());
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(buf.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        buf.writeTo(sink);
    }

    public static Checkpoint read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a whole checkpoint from {@code in}; {@code where} names the source in messages. */
    public static Checkpoint read(InputStream in, String where) throws IOException {
        byte[] all = in.readAllBytes();
        if (all.length < MAGIC.length + 4 || !java.util.Arrays.equals(java.util.Arrays.copyOf(all, MAGIC.length), MAGIC))
            throw new CheckpointFormatException(where + " is not a LabelProp-Java checkpoint (expected magic LPNNCKPT at the start)");
        int version = ByteBuffer.wrap(all, MAGIC.length, 4).getInt();
        if (version != VERSION)
            throw new CheckpointFormatException(where + " has checkpoint format version " + version + ", this build reads version " + VERSION);
        if (all.length < MAGIC.length + 4 + 8)
            throw new CheckpointFormatException(where + " is truncated (" + all.length + " bytes)");
        int body = all.length - 8;
        CRC32 crc = new CRC32();
        crc.update(all, 0, body);
        long stored = ByteBuffer.wrap(all, body, 8).getLong();
        if (stored != crc.getValue())
            throw new CheckpointFormatException(where + " is corrupt or truncated: checksum " + Long.toHexString(crc.getValue())
                + " does not match the stored " + Long.toHexString(stored));
        try (DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(all, MAGIC.length + 4, body - MAGIC.length - 4))) {
            byte[] header = bytes(d, d.readInt(), where, "header");
            Map<String, String> keys = CheckpointHeader.parse(new String(header, StandardCharsets.UTF_8), where);
            int count = d.readInt();
            if (count < 0 || count > 100_000) throw new CheckpointFormatException(where + " declares " + count + " weights");
            Map<String, Checkpoint.Weight> weights = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = new String(bytes(d, d.readInt(), where, "weight name"), StandardCharsets.UTF_8);
                int rank = d.readInt();
                if (rank < 1 || rank > 8) throw new CheckpointFormatException(where + ": weight " + name + " has rank " + rank);
                long[] shape = new long[rank];
                long n = 1;
                for (int r = 0; r < rank; r++) { shape[r] = d.readLong(); n *= shape[r]; }
                if (n < 1 || n > Integer.MAX_VALUE / 4)
                    throw new CheckpointFormatException(where + ": weight " + name + " has shape " + java.util.Arrays.toString(shape));
                ByteBuffer b = ByteBuffer.wrap(bytes(d, (int) (4 * n), where, "weight " + name));
                float[] values = new float[(int) n];
                b.asFloatBuffer().get(values);
                weights.put(name, new Checkpoint.Weight(shape, values));
            }
            if (d.available() != 0) throw new CheckpointFormatException(where + " has " + d.available() + " unexpected bytes after the weights");
            return new Checkpoint(CheckpointHeader.network(keys, where), CheckpointHeader.training(keys, where), weights);
        } catch (EOFException e) {
            throw new CheckpointFormatException(where + " is truncated (ended inside the weights)", e);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(where + " is inconsistent: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(DataInputStream d, int n, String where, String what) throws IOException {
        if (n < 0 || n > d.available()) throw new CheckpointFormatException(where + " is truncated or corrupt: " + what + " needs " + n
            + " bytes, " + d.available() + " left");
        byte[] b = new byte[n];
        d.readFully(b);
        return b;
    }
}
