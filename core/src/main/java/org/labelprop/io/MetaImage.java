// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * Reads and writes MetaImage volumes (ITK, elastix, ITK-SNAP): {@code .mha} (header and data in one file) and
 * {@code .mhd} (detached data file), raw or zlib-compressed ({@code CompressedData = True}), either byte order, the
 * voxel types of {@link NiftiDataType}.
 * <p>Geometry: array axis i points along row i of {@code TransformMatrix} scaled by {@code ElementSpacing[i]}, voxel
 * (0, 0, 0) lies at {@code Offset}; MetaImage world space is LPS (as in ITK; {@code AnatomicalOrientation} is not read,
 * and is written as ITK writes it). Writing splits each affine column into a unit direction and a spacing.
 * <p>Reading streams the data; sizes the file cannot hold are refused before allocating; errors in the file are
 * {@link VolumeFormatException}s. Writing is atomic; a detached data file is written before its header.
 */
public final class MetaImage {
    private MetaImage() {}

    /** The volume as float32 values. */
    public static Volume readVolume(Path file) throws IOException {
        MetaImageFile f = MetaImageFile.open(file);
        return f.data().readVolume(f.grid());
    }

    /** The label map; every value must be a whole number 0..65535, else the voxel is named. */
    public static LabelVolume readLabels(Path file) throws IOException {
        MetaImageFile f = MetaImageFile.open(file);
        return f.data().readLabels(f.grid());
    }

    /** The header's grid only (shape and RAS+ affine); the data is not read. */
    public static Grid readGrid(Path file) throws IOException { return MetaImageFile.open(file).grid(); }

    /**
     * The detached data file a header names ({@code ElementDataFile}, as a {@code .mhd} does), or null when the data is
     * in the file itself ({@code LOCAL}); only the header is read, the named file is not touched.
     */
    public static String dataFileOrNull(Path file) throws IOException {
        String name = HeaderLines.parse(file, "MetaImage", MetaImageHeader::read).get("ElementDataFile");
        return name == null || name.equalsIgnoreCase("LOCAL") ? null : name;
    }

    /** Writes the volume as float32, zlib-compressed. */
    public static void writeVolume(Path file, Volume v) throws IOException {
        float[] data = v.array();
        write(file, v.grid(), NiftiDataType.FLOAT32, ByteOrder.LITTLE_ENDIAN, true, i -> data[i]);
    }

    /** Writes a label map as uint8, or uint16 when the largest label exceeds 255, zlib-compressed. */
    public static void writeLabels(Path file, LabelVolume v) throws IOException {
        int[] data = v.array();
        write(file, v.grid(), NiftiDataType.forLabels(v.maxLabel()), ByteOrder.LITTLE_ENDIAN, true, i -> data[i]);
    }

    /**
     * Writes the values {@code value(i)}, i = 0 .. n-1 (x fastest), as {@code type} with the grid's geometry.
     * @throws IllegalArgumentException when a value does not fit the type
     */
    public static void write(Path file, Grid grid, NiftiDataType type, ByteOrder order, boolean compressed, IntToDoubleFunction value)
            throws IOException {
        MetaImageWriter.write(file, grid, type, order, compressed, value);
    }
}
