// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats volumes and label maps are read from and written to, known by their names' endings or, failing
 * that, by their first bytes. Each has a default ending for outputs and a short name for command lines.
 */
public enum VolumeFormat {
    /** NIfTI-1/2, {@code .nii} or {@code .nii.gz}. */
    NIFTI("nifti", ".nii.gz", ".nii.gz", ".nii"),
    /** NRRD, {@code .nrrd} or {@code .nhdr} with a detached data file. */
    NRRD("nrrd", ".nrrd", ".nrrd", ".nhdr"),
    /** MetaImage, {@code .mha} or {@code .mhd} with a detached data file. */
    METAIMAGE("mha", ".mha", ".mha", ".mhd"),
    /** A 3D Slicer segmentation: a label map NRRD with segment names and colours, {@code .seg.nrrd}. */
    SEG_NRRD("seg.nrrd", ".seg.nrrd", ".seg.nrrd", ".seg.nhdr");

    private final String cliName;
    private final String extension;
    private final String[] endings;

    VolumeFormat(String cliName, String extension, String... endings) {
        this.cliName = cliName;
        this.extension = extension;
        this.endings = endings;
    }

    /** The name on command lines: nifti, nrrd, mha, seg.nrrd. */
    public String cliName() { return cliName; }

    /** The ending of files this tool writes in the format, e.g. ".nii.gz". */
    public String extension() { return extension; }

    /** {@code stem} with this format's ending, e.g. "labels" → "labels.seg.nrrd". */
    public String fileName(String stem) { return stem + extension; }

    /** The format a command-line name stands for (nifti, nii, nii.gz, nrrd, nhdr, mha, mhd, metaimage, seg.nrrd; any case). */
    public static VolumeFormat parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        if (n.equals("metaimage")) return METAIMAGE;
        for (VolumeFormat f : values())
            if (f.cliName.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)
                || Arrays.stream(f.endings).anyMatch(e -> e.substring(1).equals(n)))
                return f;
        throw new IllegalArgumentException("unknown volume format \"" + name + "\"; expected nifti, nrrd, mha or seg.nrrd");
    }

    /** The format the file's name ending says, if it says one (.seg.nrrd before .nrrd). */
    public static Optional<VolumeFormat> fromName(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (VolumeFormat f : new VolumeFormat[] {SEG_NRRD, NIFTI, NRRD, METAIMAGE})
            for (String e : f.endings)
                if (n.endsWith(e) && n.length() > e.length()) return Optional.of(f);
        return Optional.empty();
    }

    /**
     * The file's format: by its name, else by its first bytes (gzip or a NIfTI header size → NIfTI; "NRRD000" → NRRD, or
     * a segmentation when the header has 3D Slicer segment fields; "Key = Value" → MetaImage).
     * @throws VolumeFormatException when neither says a supported format
     */
    public static VolumeFormat detect(Path file) throws IOException {
        Optional<VolumeFormat> byName = fromName(file);
        if (byName.isPresent()) return byName.get();
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return NIFTI;
        if (head.length >= 4) {
            int le = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt(), be = Integer.reverseBytes(le);
            if (le == 348 || le == 540 || be == 348 || be == 540) return NIFTI;
        }
        if (text.startsWith("NRRD000"))
            return NrrdFile.open(file).header().keyValues().containsKey(SegNrrd.MASTER_REPRESENTATION) ? SEG_NRRD : NRRD;
        if (text.matches("(?s)\\s*[A-Za-z][A-Za-z0-9_]*\\s*=.*")) return METAIMAGE;
        throw new VolumeFormatException(file + ": not a known volume format; expected a name ending in .nii, .nii.gz, .nrrd,"
            + " .nhdr, .mha, .mhd or .seg.nrrd, or NIfTI, NRRD or MetaImage content");
    }

    /** The file's name without the ending of its format (or its last ".xyz"), e.g. "ct.seg.nrrd" → "ct". */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Optional<VolumeFormat> f = fromName(file);
        if (f.isPresent())
            for (String e : f.get().endings)
                if (lower.endsWith(e)) return name.substring(0, name.length() - e.length());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
