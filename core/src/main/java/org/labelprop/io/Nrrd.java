// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * Reads and writes NRRD volumes: {@code .nrrd} (header and data in one file) and {@code .nhdr} (detached data file),
 * raw or gzip data, any byte order, the voxel types of {@link NiftiDataType}.
 * <p>Geometry: "space directions" and "space origin" in the header's space (left-posterior-superior,
 * right-anterior-superior, left-anterior-superior; 3D-right-handed and no space are read as LPS, as ITK does) become the
 * grid's RAS+ affine; writing puts the affine back in LPS. Both conversions only flip signs, so they are exact.
 * <p>Reading streams the data into the result array; sizes the file cannot hold are refused before allocating. Errors
 * in the file are {@link VolumeFormatException}s. Writing is atomic; a detached data file is written before its header.
 */
public final class Nrrd {
    private Nrrd() {}

    /** The volume as float32 values. */
    public static Volume readVolume(Path file) throws IOException {
        NrrdFile image = single(file);
        return image.data().readVolume(image.grid());
    }

    /** The label map; every value must be a whole number 0..65535, else the voxel is named. */
    public static LabelVolume readLabels(Path file) throws IOException {
        NrrdFile image = single(file);
        return image.data().readLabels(image.grid());
    }

    /** The header's grid only (shape and RAS+ affine); the data is not read. */
    public static Grid readGrid(Path file) throws IOException { return NrrdFile.open(file).grid(); }

    /** Values the header declares (voxels times values per voxel, e.g. a segmentation's layers); the data is not read. */
    public static long readValueCount(Path file) throws IOException {
        NrrdFile f = NrrdFile.open(file);
        return f.grid().shape().voxels() * f.components();
    }

    /**
     * The detached data file a header names ({@code data file}, as a {@code .nhdr} does), or null when the data is in the
     * file itself; only the header is read, the named file is not touched.
     */
    public static String dataFileOrNull(Path file) throws IOException {
        return HeaderLines.parse(file, "NRRD", NrrdHeader::read).field("data file");
    }

    /** The header's key/value pairs ({@code key:=value}), in file order. */
    public static Map<String, String> readKeyValues(Path file) throws IOException { return NrrdFile.open(file).header().keyValues(); }

    /** Writes the volume as float32, gzip-compressed. */
    public static void writeVolume(Path file, Volume v) throws IOException {
        float[] data = v.array();
        write(file, v.grid(), NiftiDataType.FLOAT32, ByteOrder.LITTLE_ENDIAN, true, Map.of(), i -> data[i]);
    }

    /** Writes a label map as uint8, or uint16 when the largest label exceeds 255, gzip-compressed. */
    public static void writeLabels(Path file, LabelVolume v) throws IOException {
        int[] data = v.array();
        write(file, v.grid(), NiftiDataType.forLabels(v.maxLabel()), ByteOrder.LITTLE_ENDIAN, true, Map.of(), i -> data[i]);
    }

    /**
     * Writes the values {@code value(i)}, i = 0 .. n-1 (x fastest), as {@code type} with the grid's geometry and the
     * given key/value pairs after the fields.
     * @throws IllegalArgumentException when a value does not fit the type, or a key is empty or holds ":="
     */
    public static void write(Path file, Grid grid, NiftiDataType type, ByteOrder order, boolean gzip, Map<String, String> keyValues,
                             IntToDoubleFunction value) throws IOException {
        NrrdWriter.write(file, grid, type, order, gzip, keyValues, value);
    }

    private static NrrdFile single(Path file) throws IOException {
        NrrdFile image = NrrdFile.open(file);
        if (image.components() != 1)
            throw new VolumeFormatException(file + ": expected a 3-D volume with one value per voxel, found " + image.components()
                + " values per voxel along NRRD axis " + image.componentAxis() + " (a 4-D NRRD: a segmentation with several layers"
                + " reads as labels through SegNrrd, a time series is not supported)");
        return image;
    }
}
