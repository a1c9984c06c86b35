// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/**
 * A NRRD header given meaning: the grid of its three spatial axes (RAS+ affine from "space directions" and "space
 * origin" in the header's "space"), how many values each voxel has (a non-spatial "list" axis, e.g. the layers of a
 * 3D Slicer segmentation) and where the data is. Without "space directions" the grid comes from "spacings" (1 where
 * missing) at origin 0; a header with no "space" (or only "space dimension") is read in LPS, as ITK does.
 *
 * @param componentAxis the NRRD axis holding the values of one voxel, or -1 when each voxel has one value
 */
record NrrdFile(NrrdHeader header, Grid grid, int components, int componentAxis, RawData data) {
    private static final Pattern VECTOR_OR_NONE = Pattern.compile("\\s*(none|\\(([^()]*)\\))");

    static NrrdFile open(Path file) throws IOException {
        String where = file.toString();
        NrrdHeader h = HeaderLines.parse(file, "NRRD", NrrdHeader::read);
        NiftiDataType type = NrrdTypes.parse(h.require("type", where), where);
        int dim = (int) HeaderValues.integer(h.require("dimension", where), 1, 16, "dimension", where);
        long[] sizes = HeaderValues.integers(h.require("sizes", where), dim, 1, Integer.MAX_VALUE, "sizes", where);
        WorldSpace space = space(h, where);
        double[][] vectors = new double[dim][];
        double[] origin = new double[3];
        if (h.field("space directions") != null) {
            vectors = directions(h.field("space directions"), dim, where);
            if (h.field("space origin") != null) origin = vector(h.field("space origin"), "space origin", where);
        } else if (dim == 3) {                     // no orientation: diagonal grid from the spacings, LPS as ITK reads it
            double[] spacings = {1, 1, 1};
            if (h.field("spacings") != null) {
                String[] t = HeaderValues.tokens(h.field("spacings"));
                if (t.length != 3) throw new VolumeFormatException(where + ": spacings is " + HeaderValues.shown(h.field("spacings")) + ", expected 3 numbers");
                for (int i = 0; i < 3; i++) spacings[i] = HeaderValues.lower(t[i]).equals("nan") ? 1 : Math.abs(HeaderValues.number(t[i], "spacings", where));
            }
            for (int i = 0; i < 3; i++) { vectors[i] = new double[3]; vectors[i][i] = spacings[i]; }
        } else {
            throw new VolumeFormatException(where + ": a " + dim + "-D NRRD without \"space directions\"; expected 3 axes, or space"
                + " directions that say which axes are spatial");
        }
        List<Integer> spatial = new ArrayList<>();
        int componentAxis = -1;
        long components = 1;
        for (int axis = 0; axis < dim; axis++) {
            if (vectors[axis] != null) spatial.add(axis);
            else if (sizes[axis] > 1) {
                if (componentAxis >= 0)
                    throw new VolumeFormatException(where + ": NRRD axes " + componentAxis + " and " + axis + " are both non-spatial"
                        + " with sizes > 1; expected a 3-D volume with at most one list of values per voxel");
                componentAxis = axis;
                components = sizes[axis];
            }
        }
        if (spatial.size() != 3)
            throw new VolumeFormatException(where + ": space directions give " + spatial.size() + " spatial axes, expected 3");
        long nx = sizes[spatial.get(0)], ny = sizes[spatial.get(1)], nz = sizes[spatial.get(2)];
        if (nx * ny * nz > Shape3.MAX_VOXELS || nx * ny * nz * components > Shape3.MAX_VOXELS)
            throw new VolumeFormatException(where + ": sizes " + h.field("sizes") + " exceed the " + Shape3.MAX_VOXELS
                + " values one volume can hold");
        Shape3 shape = new Shape3((int) nx, (int) ny, (int) nz);
        Grid grid = space.grid(shape, new double[][] {vectors[spatial.get(0)], vectors[spatial.get(1)], vectors[spatial.get(2)]}, origin, where);
        return new NrrdFile(h, grid, (int) components, componentAxis, data(file, h, type, (long) shape.voxels() * components, where));
    }

    private static WorldSpace space(NrrdHeader h, String where) throws VolumeFormatException {
        String s = h.field("space");
        if (s == null) {
            if (h.field("space dimension") != null && !h.field("space dimension").equals("3"))
                throw new VolumeFormatException(where + ": space dimension is " + HeaderValues.shown(h.field("space dimension")) + ", expected 3");
            return WorldSpace.LPS;
        }
        return switch (HeaderValues.lower(s)) {
            case "left-posterior-superior", "lps", "3d-right-handed" -> WorldSpace.LPS;   // 3D-right-handed: ITK reads it as LPS
            case "right-anterior-superior", "ras" -> WorldSpace.RAS;
            case "left-anterior-superior", "las" -> WorldSpace.LAS;
            default -> throw new VolumeFormatException(where + ": space " + HeaderValues.shown(s) + " is not supported; expected"
                + " left-posterior-superior, right-anterior-superior, left-anterior-superior or 3D-right-handed");
        };
    }

    /** One entry per axis: a 3-vector, or null for "none". */
    private static double[][] directions(String text, int dim, String where) throws VolumeFormatException {
        double[][] r = new double[dim][];
        Matcher m = VECTOR_OR_NONE.matcher(text);
        int axis = 0, end = 0;
        while (m.lookingAt()) {
            if (axis == dim) break;
            r[axis++] = m.group(2) == null ? null : vector(m.group(1), "space directions", where);
            end = m.end();
            m.region(end, text.length());
        }
        if (axis != dim || !text.substring(end).isBlank())
            throw new VolumeFormatException(where + ": space directions is " + HeaderValues.shown(text) + ", expected " + dim
                + " entries, each \"(x,y,z)\" or \"none\"");
        return r;
    }

    private static double[] vector(String text, String field, String where) throws VolumeFormatException {
        String t = text.strip();
        if (!t.startsWith("(") || !t.endsWith(")"))
            throw new VolumeFormatException(where + ": " + field + " is " + HeaderValues.shown(text) + ", expected \"(x,y,z)\"");
        return HeaderValues.numbers(t.substring(1, t.length() - 1).replace(',', ' '), 3, field, where);
    }

    private static RawData data(Path file, NrrdHeader h, NiftiDataType type, long values, String where) throws VolumeFormatException {
        String encoding = HeaderValues.lower(h.require("encoding", where));
        RawData.Compression compression = switch (encoding) {
            case "raw" -> RawData.Compression.NONE;
            case "gzip", "gz" -> RawData.Compression.GZIP;
            default -> throw new VolumeFormatException(where + ": encoding " + HeaderValues.shown(encoding)
                + " is not supported; expected raw or gzip");
        };
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        String endian = h.field("endian");
        if (type.bytes() > 1 || endian != null) {
            if (endian == null) throw new VolumeFormatException(where + ": the NRRD header has no \"endian\" field, required for type " + type);
            order = switch (HeaderValues.lower(endian)) {
                case "little" -> ByteOrder.LITTLE_ENDIAN;
                case "big" -> ByteOrder.BIG_ENDIAN;
                default -> throw new VolumeFormatException(where + ": endian is " + HeaderValues.shown(endian) + ", expected little or big");
            };
        }
        long byteSkip = h.field("byte skip") == null ? 0 : HeaderValues.integer(h.field("byte skip"), -1, Long.MAX_VALUE / 2, "byte skip", where);
        int lineSkip = h.field("line skip") == null ? 0 : (int) HeaderValues.integer(h.field("line skip"), 0, Integer.MAX_VALUE, "line skip", where);
        if (byteSkip == -1 && compression != RawData.Compression.NONE)
            throw new VolumeFormatException(where + ": byte skip -1 (data at the end of the file) needs raw encoding, found " + encoding);
        String dataFile = h.field("data file");
        Path source = file;
        long offset = h.dataOffset();
        if (dataFile != null) {
            if (dataFile.equals("LIST") || dataFile.contains("%") && HeaderValues.tokens(dataFile).length >= 3)
                throw new VolumeFormatException(where + ": data file " + HeaderValues.shown(dataFile) + " names several files;"
                    + " expected one data file");
            try {
                source = file.toAbsolutePath().getParent().resolve(dataFile);
            } catch (java.nio.file.InvalidPathException e) {
                throw new VolumeFormatException(where + ": data file " + HeaderValues.shown(dataFile) + " is not a valid file name");
            }
            offset = 0;
        } else if (!h.attached()) {
            throw new VolumeFormatException(where + ": no blank line ends the NRRD header and it names no data file; expected"
                + " the data after a blank line, or a \"data file\" field");
        }
        return new RawData(source, byteSkip == -1 ? -1 : offset, lineSkip, Math.max(byteSkip, 0), compression, type, order, values, where);
    }
}
