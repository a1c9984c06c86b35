// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;

/**
 * ITK-SNAP label description files: one line per label, {@code IDX R G B A VIS MSH "LABEL"} (colour 0..255, opacity
 * A 0..1, visibility and mesh visibility 0/1), "#" comments. Index 0 ("Clear Label") is background: skipped when
 * read, written first as ITK-SNAP does. The mesh column is read and not kept; it is written equal to VIS.
 */
public final class ItkSnapLabels {
    /** Far above any real table (65,535 labels of ~60 bytes); a larger file is not a label description. */
    static final long MAX_BYTES = 8 << 20;
    private static final Pattern LINE = Pattern.compile(
        "(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+([-+0-9.eE]+)\\s+(\\d+)\\s+(\\d+)\\s+\"(.*)\"");
    private static final String HEADER = """
        ################################################
        # ITK-SnAP Label Description File
        # File format:\s
        # IDX   -R-  -G-  -B-  -A--  VIS MSH  LABEL
        # Fields:\s
        #    IDX:   Zero-based index\s
        #    -R-:   Red color component (0..255)
        #    -G-:   Green color component (0..255)
        #    -B-:   Blue color component (0..255)
        #    -A-:   Label transparency (0.00 .. 1.00)
        #    VIS:   Label visibility (0 or 1)
        #    IDX:   Label mesh visibility (0 or 1)
        #  LABEL:   Label description\s
        ################################################
        """;

    private ItkSnapLabels() {}

    /** The label descriptions in {@code file}; a line that does not parse is named with what was expected. */
    public static LabelDescriptions read(Path file) throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "label description file not found");
        }
        if (size > MAX_BYTES)
            throw new VolumeFormatException(file + ": " + size + " bytes; an ITK-SNAP label description file has at most " + MAX_BYTES);
        List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n"));
        List<LabelDescription> labels = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file + " line " + (n + 1);
            Matcher m = LINE.matcher(line);
            if (!m.matches())
                throw new VolumeFormatException(where + ": expected IDX R G B A VIS MSH \"LABEL\" (e.g. 1 255 0 0 1 1 1 \"Liver\"), found "
                    + HeaderValues.shown(line));
            long value = HeaderValues.integer(m.group(1), 0, 65535, "IDX", where);
            long[] rgb = {HeaderValues.integer(m.group(2), 0, 255, "R", where), HeaderValues.integer(m.group(3), 0, 255, "G", where),
                HeaderValues.integer(m.group(4), 0, 255, "B", where)};
            double alpha = HeaderValues.number(m.group(5), "A", where);
            if (alpha < 0 || alpha > 1) throw new VolumeFormatException(where + ": A is " + m.group(5) + ", expected an opacity from 0 to 1");
            long visible = HeaderValues.integer(m.group(6), 0, 1, "VIS", where);
            HeaderValues.integer(m.group(7), 0, 1, "MSH", where);
            if (value == 0) continue;
            if (labels.stream().anyMatch(l -> l.value() == value))
                throw new VolumeFormatException(where + ": label " + value + " is described twice; expected one line per label");
            try {
                labels.add(new LabelDescription((int) value, m.group(8), (int) rgb[0], (int) rgb[1], (int) rgb[2], alpha, visible == 1));
            } catch (IllegalArgumentException e) {
                throw new VolumeFormatException(where + ": " + e.getMessage());
            }
        }
        return new LabelDescriptions(labels);
    }

    /** Writes the descriptions (after the "Clear Label" line for 0) atomically, in ITK-SNAP's layout. */
    public static void write(Path file, LabelDescriptions labels) throws IOException {
        AtomicFiles.writeString(file, format(labels));
    }

    /** The text {@link #write} writes: ITK-SNAP's header, the "Clear Label" line for 0, then one line per label. */
    public static String format(LabelDescriptions labels) {
        StringBuilder sb = new StringBuilder(HEADER);
        sb.append(line(0, 0, 0, 0, 0, false, "Clear Label"));
        for (LabelDescription d : labels.entries())
            if (d.value() != 0) sb.append(line(d.value(), d.red(), d.green(), d.blue(), d.opacity(), d.visible(), d.name()));
        return sb.toString();
    }

    /** Where the label descriptions of a label file go: {@code labels.nii.gz} → {@code labels.labels.txt}, beside it. */
    public static Path besidePath(Path labelFile) {
        return labelFile.resolveSibling(VolumeFormat.stem(labelFile) + ".labels.txt");
    }

    private static String line(int value, int r, int g, int b, double alpha, boolean visible, String name) {
        int vis = visible ? 1 : 0;
        return String.format(Locale.ROOT, "%5d %5d %4d %4d %8s %2d %2d    \"%s\"\n", value, r, g, b, HeaderValues.format(alpha), vis, vis, name);
    }
}
