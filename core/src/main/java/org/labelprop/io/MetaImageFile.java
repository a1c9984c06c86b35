// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/**
 * A MetaImage header given meaning: the grid (array axis i points along row i of {@code TransformMatrix}, scaled by
 * {@code ElementSpacing[i]}, from {@code Offset}, all in LPS as in ITK) and where the data is. {@code
 * AnatomicalOrientation} is informational and not read, as in ITK.
 */
record MetaImageFile(MetaImageHeader header, Grid grid, RawData data) {
    static MetaImageFile open(Path file) throws IOException {
        String where = file.toString();
        MetaImageHeader h = HeaderLines.parse(file, "MetaImage", MetaImageHeader::read);
        String objectType = h.get("ObjectType");
        if (objectType != null && !objectType.equalsIgnoreCase("Image"))
            throw new VolumeFormatException(where + ": ObjectType is " + HeaderValues.shown(objectType) + ", expected Image");
        long dims = HeaderValues.integer(require(h, "NDims", where), 1, 16, "NDims", where);
        if (dims != 3) throw new VolumeFormatException(where + ": NDims is " + dims + ", expected a 3-D image (NDims = 3)");
        long[] size = HeaderValues.integers(require(h, "DimSize", where), 3, 1, Integer.MAX_VALUE, "DimSize", where);
        if (size[0] * size[1] * size[2] > Shape3.MAX_VOXELS)
            throw new VolumeFormatException(where + ": DimSize " + h.get("DimSize") + " exceeds the " + Shape3.MAX_VOXELS
                + " voxels one volume can hold");
        String channels = h.get("ElementNumberOfChannels");
        if (channels != null && HeaderValues.integer(channels, 1, Integer.MAX_VALUE, "ElementNumberOfChannels", where) != 1)
            throw new VolumeFormatException(where + ": ElementNumberOfChannels is " + channels + ", expected 1 value per voxel");
        if (!h.flag("BinaryData", true, where))
            throw new VolumeFormatException(where + ": BinaryData is False (text data); expected True");
        NiftiDataType type = MetaImageTypes.parse(require(h, "ElementType", where), where);
        double[] spacing = {1, 1, 1}, origin = new double[3], matrix = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        if (h.get("ElementSpacing") != null) spacing = HeaderValues.numbers(h.get("ElementSpacing"), 3, "ElementSpacing", where);
        for (double s : spacing)
            if (!(s > 0)) throw new VolumeFormatException(where + ": ElementSpacing is " + h.get("ElementSpacing") + ", expected sizes > 0");
        String offset = h.first("Offset", "Position", "Origin"), transform = h.first("TransformMatrix", "Rotation", "Orientation");
        if (offset != null) origin = HeaderValues.numbers(offset, 3, "Offset", where);
        if (transform != null) matrix = HeaderValues.numbers(transform, 9, "TransformMatrix", where);
        double[][] axes = new double[3][3];
        for (int axis = 0; axis < 3; axis++)
            for (int c = 0; c < 3; c++) axes[axis][c] = matrix[3 * axis + c] * spacing[axis];
        Shape3 shape = new Shape3((int) size[0], (int) size[1], (int) size[2]);
        Grid grid = WorldSpace.LPS.grid(shape, axes, origin, where);
        return new MetaImageFile(h, grid, data(file, h, type, shape.voxels(), where));
    }

    private static RawData data(Path file, MetaImageHeader h, NiftiDataType type, long voxels, String where) throws VolumeFormatException {
        boolean msb = h.flag("BinaryDataByteOrderMSB", h.flag("ElementByteOrderMSB", false, where), where);
        boolean compressed = h.flag("CompressedData", false, where);
        long skip = h.get("HeaderSize") == null ? 0 : HeaderValues.integer(h.get("HeaderSize"), -1, Long.MAX_VALUE / 2, "HeaderSize", where);
        if (skip == -1 && compressed)
            throw new VolumeFormatException(where + ": HeaderSize -1 (data at the end of the file) needs uncompressed data");
        String name = h.get("ElementDataFile");
        Path source = file;
        long offset = h.dataOffset();
        if (!name.equalsIgnoreCase("LOCAL")) {
            if (name.isEmpty()) throw new VolumeFormatException(where + ": ElementDataFile is empty, expected LOCAL or a data file name");
            if (name.equalsIgnoreCase("LIST") || name.contains("%"))
                throw new VolumeFormatException(where + ": ElementDataFile " + HeaderValues.shown(name) + " names several files;"
                    + " expected LOCAL or one data file");
            try {
                source = file.toAbsolutePath().getParent().resolve(name);
            } catch (InvalidPathException e) {
                throw new VolumeFormatException(where + ": ElementDataFile " + HeaderValues.shown(name) + " is not a valid file name");
            }
            offset = 0;
        }
        return new RawData(source, skip == -1 ? -1 : offset + skip, 0, 0,
            compressed ? RawData.Compression.ZLIB : RawData.Compression.NONE, type,
            msb ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, voxels, where);
    }

    private static String require(MetaImageHeader h, String key, String where) throws VolumeFormatException {
        String v = h.get(key);
        if (v == null) throw new VolumeFormatException(where + ": the MetaImage header has no " + key + ", which is required");
        return v;
    }
}
