// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * Where a text header (NRRD, MetaImage) says its voxel bytes are: in the same file after the header or in a detached
 * data file, raw or compressed. {@link #open} checks the promised size against the file before anything large is
 * allocated: exactly for raw data, by the deflate ratio bound for compressed data.
 *
 * @param offset            bytes of the file skipped before the data; -1: the data ends the file (raw data only)
 * @param lineSkip          lines skipped after {@code offset}, before decompression (NRRD "line skip"); not with offset -1
 * @param skipAfterDecoding bytes skipped after the lines and after decompression (NRRD "byte skip")
 * @param values            stored values to read: voxels times values per voxel
 */
record RawData(Path file, long offset, int lineSkip, long skipAfterDecoding, Compression compression, NiftiDataType type,
               ByteOrder order, long values, String where) {
    /** How the bytes are compressed: gzip (NRRD), zlib (MetaImage {@code CompressedData = True}) or not at all. */
    enum Compression { NONE, GZIP, ZLIB }

    private static final int BUFFER = 1 << 16;

    /** The stream of stored values, positioned at the first; the caller closes it. */
    InputStream open() throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new VolumeFormatException(where + ": data file " + file + " does not exist");
        }
        long bytes = values * type.bytes();
        long start = offset;
        if (compression == Compression.NONE) {
            if (start < 0) start = size - bytes;
            if (start < 0 || start > size || size - start < bytes + skipAfterDecoding)
                throw new VolumeFormatException(where + ": header promises " + bytes + " data bytes" + (offset >= 0 ? " after byte "
                    + offset : " at the end") + " but " + file.getFileName() + " has " + size + " bytes");
        } else if (start < 0 || start > size || (size - start) < (bytes + skipAfterDecoding) / NiftiInput.MAX_GZIP_RATIO) {
            throw new VolumeFormatException(where + ": header promises " + bytes + " data bytes but the compressed data in "
                + file.getFileName() + " has " + Math.max(0, size - start) + " bytes, which can hold at most "
                + Math.max(0, size - start) * NiftiInput.MAX_GZIP_RATIO);
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            in.skipNBytes(start);
            for (int line = 0; offset >= 0 && line < lineSkip; line++)
                for (int c = in.read(); c != '\n'; c = in.read())
                    if (c < 0) throw new VolumeFormatException(where + ": data file ends within the " + lineSkip + " lines to skip");
            in = switch (compression) {
                case NONE -> in;
                case GZIP -> new GZIPInputStream(in, BUFFER);
                case ZLIB -> zlib(in);
            };
            in.skipNBytes(skipAfterDecoding);
            return in;
        } catch (EOFException | ZipException e) {
            in.close();
            throw new VolumeFormatException(where + ": damaged or truncated " + compression.name().toLowerCase(java.util.Locale.ROOT)
                + " data before the first voxel: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A zlib stream that frees its inflater on close (a stream given its own inflater leaves that to the caller). */
    private static InputStream zlib(InputStream in) {
        return new InflaterInputStream(in, new Inflater(), BUFFER) {
            @Override public void close() throws IOException {
                try { super.close(); } finally { inf.end(); }
            }
        };
    }

    /** The volume on {@code grid}, one stored value per voxel. */
    Volume readVolume(Grid grid) throws IOException {
        try (InputStream in = open()) {                  // open() checks the sizes first, the reader then the heap
            return VoxelReader.volume(in, layout(), grid);
        }
    }

    /** The label map on {@code grid}: whole numbers 0..65535, else the voxel is named. */
    LabelVolume readLabels(Grid grid) throws IOException {
        try (InputStream in = open()) {
            return VoxelReader.labels(in, layout(), grid);
        }
    }

    /** The layout to decode the stream with, unscaled. */
    VoxelReader.Layout layout() { return new VoxelReader.Layout(type, order, 1, 0, where, FormatErrors.GENERIC); }
}
