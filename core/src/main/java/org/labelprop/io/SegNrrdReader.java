// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.labels.LabelPalette;
import org.labelprop.labels.Segmentation;
import org.labelprop.volume.LabelVolume;

/**
 * Reads a 3D Slicer segmentation into one label map. One layer (3-D): the voxel values are the labels and each
 * segment describes its {@code _LabelValue}. Several layers (4-D, the layer axis first, as Slicer writes overlapping
 * segments; or one binary layer per segment in files from before Slicer 4.11, which have no {@code _LabelValue}):
 * segment s becomes label {@code _LabelValue} when those are distinct, else s + 1; where segments overlap, the later
 * one wins. A layer value that no segment names is refused.
 */
final class SegNrrdReader {
    private record Segment(int index, String name, int[] rgb, int labelValue, int layer) {}

    private SegNrrdReader() {}

    static Segmentation read(Path file) throws IOException {
        NrrdFile f = NrrdFile.open(file);
        String where = file.toString();
        int layers = f.components();
        if (layers > 1 && f.componentAxis() != 0)
            throw new VolumeFormatException(where + ": " + layers + " values per voxel along NRRD axis " + f.componentAxis()
                + "; a segmentation has its layers on axis 0");
        List<Segment> segments = segments(f.header().keyValues(), layers, where);
        List<LabelDescription> descriptions = new ArrayList<>();
        if (layers == 1) {
            LabelVolume labels = f.data().readLabels(f.grid());
            for (Segment s : segments)
                if (descriptions.stream().noneMatch(d -> d.value() == s.labelValue())) descriptions.add(describe(s, s.labelValue()));
            return new Segmentation(labels, new LabelDescriptions(descriptions));
        }
        boolean distinct = segments.stream().map(Segment::labelValue).distinct().count() == segments.size();
        int[][] lut = new int[layers][];
        for (Segment s : segments) {
            int out = distinct ? s.labelValue() : s.index() + 1;
            int[] old = lut[s.layer()] == null ? new int[0] : lut[s.layer()];
            if (old.length <= s.labelValue()) lut[s.layer()] = java.util.Arrays.copyOf(old, s.labelValue() + 1);
            lut[s.layer()][s.labelValue()] = out;
            descriptions.add(describe(s, out));
        }
        VoxelReader.requireHeap(f.grid().shape(), Integer.BYTES, where);
        int[] out = new int[f.grid().shape().voxels()];
        int nx = f.grid().shape().nx(), ny = f.grid().shape().ny();
        RawData raw = f.data();
        try (InputStream in = raw.open()) {
            VoxelCodec.read(in, raw.type(), raw.order(), out.length * layers, where, FormatErrors.GENERIC, (v, count, first) -> {
                for (int i = 0; i < count; i++) {
                    if (v[i] == 0) continue;
                    int at = first + i, voxel = at / layers, layer = at % layers;
                    int[] map = lut[layer];
                    int label = v[i] == Math.rint(v[i]) && v[i] > 0 && map != null && v[i] < map.length ? map[(int) v[i]] : 0;
                    if (label == 0)
                        throw new VolumeFormatException(where + ": layer " + layer + " holds " + v[i] + " at voxel (" + voxel % nx + ", "
                            + (voxel / nx) % ny + ", " + voxel / nx / ny + "), which no segment's LabelValue names");
                    out[voxel] = label;
                }
            });
        }
        return new Segmentation(new LabelVolume(f.grid(), out), new LabelDescriptions(descriptions));
    }

    private static List<Segment> segments(Map<String, String> kv, int layers, String where) throws VolumeFormatException {
        List<Segment> list = new ArrayList<>();
        for (int i = 0; i <= kv.size(); i++) {
            String p = "Segment" + i + "_";
            if (!kv.containsKey(p + "ID") && !kv.containsKey(p + "LabelValue") && !kv.containsKey(p + "Name")) break;
            boolean legacy = !kv.containsKey(p + "LabelValue");     // one binary layer per segment
            int value = legacy ? 1 : (int) HeaderValues.integer(kv.get(p + "LabelValue"), 1, LabelVolume.MAX_LABEL, p + "LabelValue", where);
            int layer = kv.containsKey(p + "Layer")
                ? (int) HeaderValues.integer(kv.get(p + "Layer"), 0, layers - 1, p + "Layer", where) : legacy && layers > 1 ? i : 0;
            if (layer >= layers)
                throw new VolumeFormatException(where + ": " + p + "Layer is " + layer + " but the file has " + layers + " layers");
            list.add(new Segment(i, kv.get(p + "Name"), colour(kv.get(p + "Color")), value, layer));
        }
        return list;
    }

    /** "r g b" with components 0..1 → 0..255, or null (the palette colour) when absent or not three such numbers. */
    private static int[] colour(String text) {
        if (text == null) return null;
        String[] t = HeaderValues.tokens(text);
        if (t.length != 3) return null;
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
            try {
                double v = Double.parseDouble(t[c]);
                if (!(v >= 0 && v <= 1)) return null;
                rgb[c] = (int) Math.round(v * 255);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return rgb;
    }

    private static LabelDescription describe(Segment s, int value) {
        int[] rgb = s.rgb() != null ? s.rgb() : LabelPalette.colour(value);
        String name = s.name() == null || s.name().isBlank() ? "Label " + value : s.name().replaceAll("\\p{Cntrl}", " ");
        return new LabelDescription(value, name, rgb[0], rgb[1], rgb[2], 1, true);
    }
}
