// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * Checks a checkpoint file completely (magic, format version, structure, header keys, CRC-32) while streaming it in
 * 64 KiB pieces: memory use does not depend on the file's size, so an upload can be checked before anything loads it.
 * The format is the one {@link CheckpointStore} writes; whether the weights fit the architecture is not checked here.
 */
public final class CheckpointVerifier {
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int MAX_NAME_BYTES = 4096;
    private static final int MAX_WEIGHTS = 100_000;

    private CheckpointVerifier() { }

    /**
     * @param where names the file in messages, e.g. "checkpoint upload"
     * @throws CheckpointFormatException saying which check failed
     */
    public static void verify(Path file, String where) throws IOException {
        long size = Files.size(file);
        int prefix = CheckpointStore.MAGIC.length + 4;
        if (size < prefix + 8) throw new CheckpointFormatException(where + " is not a LabelProp-Java checkpoint ("
            + size + " bytes; expected magic LPNNCKPT, a version and a checksum)");
        long body = size - 8;
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream d = new DataInputStream(new CheckedInputStream(new Bounded(raw, body), crc));
            byte[] magic = new byte[CheckpointStore.MAGIC.length];
            d.readFully(magic);
            if (!Arrays.equals(magic, CheckpointStore.MAGIC))
                throw new CheckpointFormatException(where + " is not a LabelProp-Java checkpoint (expected magic LPNNCKPT at the start)");
            int version = d.readInt();
            if (version != CheckpointStore.VERSION)
                throw new CheckpointFormatException(where + " has checkpoint format version " + version + ", this build reads version "
                    + CheckpointStore.VERSION);
            long at = structure(d, body - prefix, where);
            if (at != body - prefix) throw new CheckpointFormatException(where + " has " + (body - prefix - at)
                + " unexpected bytes after the weights");
            long stored = new DataInputStream(raw).readLong();
            if (stored != crc.getValue())
                throw new CheckpointFormatException(where + " is corrupt or truncated: checksum " + Long.toHexString(crc.getValue())
                    + " does not match the stored " + Long.toHexString(stored));
        } catch (EOFException e) {
            throw new CheckpointFormatException(where + " is truncated (ended inside the weights)", e);
        }
    }

    /** Reads header and weight records, skipping the values; returns the bytes consumed after magic and version. */
    private static long structure(DataInputStream d, long available, String where) throws IOException {
        int headerBytes = d.readInt();
        long at = 4;
        if (headerBytes < 0 || headerBytes > MAX_HEADER_BYTES || headerBytes > available - at)
            throw new CheckpointFormatException(where + " is truncated or corrupt: header length " + headerBytes);
        byte[] header = new byte[headerBytes];
        d.readFully(header);
        at += headerBytes;
        Map<String, String> keys = CheckpointHeader.parse(new String(header, StandardCharsets.UTF_8), where);
        try {
            CheckpointHeader.network(keys, where);
            CheckpointHeader.training(keys, where);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(where + " is inconsistent: " + e.getMessage(), e);
        }
        int count = d.readInt();
        at += 4;
        if (count < 0 || count > MAX_WEIGHTS) throw new CheckpointFormatException(where + " declares " + count + " weights");
        for (int i = 0; i < count; i++) {
            int nameBytes = d.readInt();
            if (nameBytes < 0 || nameBytes > MAX_NAME_BYTES)
                throw new CheckpointFormatException(where + " is truncated or corrupt: weight name of " + nameBytes + " bytes");
            byte[] name = new byte[nameBytes];
            d.readFully(name);
            int rank = d.readInt();
            at += 8 + nameBytes;
            String shown = new String(name, StandardCharsets.UTF_8);
            if (rank < 1 || rank > 8) throw new CheckpointFormatException(where + ": weight " + shown + " has rank " + rank);
            long n = 1;
            long[] shape = new long[rank];
            for (int r = 0; r < rank; r++) {
                shape[r] = d.readLong();
                if (shape[r] < 1 || shape[r] > Integer.MAX_VALUE / 4) n = -1;
                else if (n > 0) n = n * shape[r] > Integer.MAX_VALUE / 4 ? -1 : n * shape[r];
            }
            at += 8L * rank;
            if (n < 1) throw new CheckpointFormatException(where + ": weight " + shown + " has shape " + Arrays.toString(shape));
            if (4 * n > available - at)
                throw new CheckpointFormatException(where + " is truncated or corrupt: weight " + shown + " needs " + 4 * n + " bytes, "
                    + (available - at) + " left");
            d.skipNBytes(4 * n);
            at += 4 * n;
        }
        return at;
    }

    /** The first {@code limit} bytes of a stream: the checksum covers everything before the stored CRC. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            left = limit;
        }

        @Override public int read() throws IOException {
            if (left <= 0) return -1;
            int b = in.read();
            if (b >= 0) left--;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) return -1;
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, left));
            if (s > 0) left -= s;
            return s;
        }

        @Override public void close() { }
    }
}
