// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An open NIfTI file: its header, read and checked, and a stream positioned where it stopped reading.
 * Gzip is recognised by content (magic 1f 8b), not by file name. Nothing but the header is buffered.
 */
final class NiftiInput implements Closeable {
    /** Deflate never expands more than about 1032:1; a larger claim means the header lies about the data size. */
    static final long MAX_GZIP_RATIO = 1100;
    /** Decompressed bytes allowed after the voxel data of a gzip file before it is refused (see {@link #verifyEnd}). */
    static final long MAX_TRAILING_BYTES = 1 << 20;
    private static final int BUFFER = 1 << 16;

    final Path file;
    final boolean gzip;
    final long fileSize;
    final NiftiHeader header;
    private final InputStream in;
    private long position;

    private NiftiInput(Path file, boolean gzip, long fileSize, NiftiHeader header, InputStream in, long position) {
        this.file = file; this.gzip = gzip; this.fileSize = fileSize; this.header = header; this.in = in; this.position = position;
    }

    static NiftiInput open(Path file) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "NIfTI file not found");
        }
        try {
            long size = Files.size(file);
            InputStream buffered = new BufferedInputStream(raw, BUFFER);
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            InputStream in = gzip ? new GZIPInputStream(buffered, BUFFER) : buffered;
            NiftiHeader header = readHeader(in, file + (gzip ? " (gzip)" : ""));
            return new NiftiInput(file, gzip, size, header, in, header.headerBytes());
        } catch (IOException | RuntimeException e) {
            raw.close();
            if (e instanceof EOFException || e instanceof java.util.zip.ZipException)
                throw new NiftiFormatException(file + ": damaged gzip stream in the header: " + e.getMessage(), e);
            throw e;
        }
    }

    private static NiftiHeader readHeader(InputStream in, String where) throws IOException {
        byte[] first = in.readNBytes(4);
        if (first.length < 4)
            throw new NiftiFormatException(where + ": file holds " + first.length + " bytes; a NIfTI header needs 348 (NIfTI-1) or 540 (NIfTI-2)");
        int le = ByteBuffer.wrap(first).order(ByteOrder.LITTLE_ENDIAN).getInt(), be = Integer.reverseBytes(le);
        int size = (le == 348 || le == 540) ? le : (be == 348 || be == 540) ? be : -1;
        if (size < 0)
            throw new NiftiFormatException(where + ": not a NIfTI file: sizeof_hdr is " + le + " (little-endian) / " + be
                + " (big-endian), expected 348 (NIfTI-1) or 540 (NIfTI-2)");
        ByteOrder order = size == le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        byte[] bytes = Arrays.copyOf(first, size);
        int got = 4 + in.readNBytes(bytes, 4, size - 4);
        if (got < size) throw new NiftiFormatException(where + ": file ends after " + got + " of " + size + " header bytes");
        int version = size == 348 ? 1 : 2;
        checkMagic(bytes, version, where);
        return NiftiHeaderCodec.decode(bytes, version, order, where);
    }

    private static void checkMagic(byte[] h, int version, String where) throws NiftiFormatException {
        byte[] want = version == 1 ? NiftiHeaderCodec.MAGIC_1 : NiftiHeaderCodec.MAGIC_2;
        int at = version == 1 ? 344 : 4;
        byte[] found = Arrays.copyOfRange(h, at, at + want.length);
        if (Arrays.equals(found, want)) return;
        String shown = show(found);
        if (found[0] == 'n' && found[1] == 'i' && found[2] == '0' + version)
            throw new NiftiFormatException(where + ": magic is \"" + shown + "\", the header of a two-file NIfTI pair (.hdr/.img);"
                + " expected a single-file NIfTI (magic \"n+" + version + "\", .nii or .nii.gz)");
        throw new NiftiFormatException(where + ": magic is \"" + shown + "\", expected \"" + show(want) + "\" (NIfTI-" + version
            + ", " + h.length + "-byte header)" + (version == 2 && found[0] == 'n' ? "; was the file transferred in text mode?" : ""));
    }

    private static String show(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.toString();
    }

    /** Where the voxels start: {@code vox_offset}, except that 0 means right after header and extension flag (as nibabel). */
    long dataStart() { return header.voxOffset() == 0 ? header.headerBytes() + 4 : header.voxOffset(); }

    /**
     * Checks that the file can hold {@code dataBytes} bytes of voxels after {@code vox_offset}, exactly for a plain file
     * and by the deflate ratio bound for gzip, so a lying header fails before any large allocation.
     */
    void requireData(long dataBytes) throws NiftiFormatException {
        long start = dataStart();
        if (start < header.headerBytes())
            throw new NiftiFormatException(file + ": vox_offset " + start + " lies inside the " + header.headerBytes()
                + "-byte header; expected >= " + (header.headerBytes() + 4));
        if (!gzip) {
            if (start > fileSize)
                throw new NiftiFormatException(file + ": vox_offset " + start + " lies beyond the end of the file (" + fileSize + " bytes)");
            if (fileSize - start < dataBytes)
                throw new NiftiFormatException(file + ": file ends after " + (fileSize - start) + " of " + dataBytes + " data bytes");
        } else if (start / MAX_GZIP_RATIO + dataBytes / MAX_GZIP_RATIO > fileSize) {   // divided first: no overflow
            throw new NiftiFormatException(file + ": header promises " + dataBytes + " data bytes after vox_offset " + start
                + " but the gzip file has only " + fileSize + " bytes, which can hold at most " + fileSize * MAX_GZIP_RATIO);
        }
    }

    /** Skips to {@code vox_offset} (extensions are not read) and returns the stream of voxel bytes; call {@link #requireData} first. */
    InputStream data() throws IOException {
        long start = dataStart();
        try {
            while (position < start) {
                long skipped = in.skip(start - position);
                if (skipped <= 0) {
                    if (in.read() < 0)
                        throw new NiftiFormatException(file + ": file ends at byte " + position + ", before vox_offset " + start);
                    skipped = 1;
                }
                position += skipped;
            }
        } catch (EOFException | java.util.zip.ZipException e) {
            throw new NiftiFormatException(file + ": damaged gzip stream before vox_offset " + start + ": " + e.getMessage(), e);
        }
        return in;
    }

    /**
     * After the voxels: for gzip, reads on to the end of the stream so that {@link GZIPInputStream} checks the CRC-32 and
     * size trailer; a damaged, truncated or tampered file fails here instead of being accepted. At most
     * {@value #MAX_TRAILING_BYTES} bytes may follow the voxel data (nothing does in files NIfTI writers produce).
     */
    void verifyEnd() throws NiftiFormatException {
        if (!gzip) return;
        byte[] buf = new byte[BUFFER];
        long trailing = 0;
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                trailing += n;
                if (trailing > MAX_TRAILING_BYTES)
                    throw new NiftiFormatException(file + ": more than " + MAX_TRAILING_BYTES + " bytes follow the voxel data in the"
                        + " gzip stream; expected the stream to end after the voxels");
            }
        } catch (NiftiFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new NiftiFormatException(file + ": damaged gzip stream: its CRC-32/size trailer does not match the data or is"
                + " missing (" + e.getMessage() + ")", e);
        }
    }

    @Override public void close() throws IOException { in.close(); }
}
