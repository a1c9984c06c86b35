// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labelprop.io.AtomicFiles;
import org.labelprop.io.VolumeFiles;
import org.labelprop.io.VolumeFormat;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * The one writer of a segmentation's outputs, on the image's grid (shape, affine, qform/sform codes of the image
 * header), in the format of {@link OutputOptions} ({@code .nii.gz} by default, {@code .nrrd}, {@code .mha} or
 * {@code .seg.nrrd}): {@code PREFIXfused}, and when the method registers slices {@code PREFIXup}, {@code PREFIXdown}
 * and {@code PREFIXuncertainty}; always {@code PREFIXsuggestions.json} (the
 * {@link org.labelprop.propagation.SuggestionReport} schema). With label descriptions, a segmentation output carries
 * them inside and the fused labels of the other formats get {@code PREFIXfused.labels.txt} (ITK-SNAP) beside them.
 * Every file is written to a temporary name and renamed, so no half-written output is ever left.
 */
public final class SegmentationWriter {
    /** Result names, in the order they are written. */
    public static final List<String> NAMES = List.of("fused", "up", "down", "uncertainty", "suggestions");

    private SegmentationWriter() { }

    /** Writes NIfTI outputs without label descriptions (see {@link #write(SegmentationResult, Grid, Path, String, OutputOptions)}). */
    public static List<Path> write(SegmentationResult r, Grid grid, Path dir, String prefix) throws IOException {
        return write(r, grid, dir, prefix, OutputOptions.nifti());
    }

    /**
     * @param grid   the image's grid (its header geometry is copied into every volume)
     * @param prefix prepended to every file name: e.g. "scan_" (CLI) or "" (server)
     * @return the files written, in the order of {@link #NAMES}, a label description file right after its label map
     */
    public static List<Path> write(SegmentationResult r, Grid grid, Path dir, String prefix, OutputOptions options) throws IOException {
        VolumeFormat format = options.format();
        List<Path> out = new ArrayList<>(labels(dir, prefix + "fused", grid, r.fused(), options, true));
        if (r.upOrNull() != null) out.addAll(labels(dir, prefix + "up", grid, r.upOrNull(), options, false));
        if (r.downOrNull() != null) out.addAll(labels(dir, prefix + "down", grid, r.downOrNull(), options, false));
        if (r.uncertaintyOrNull() != null) {
            VolumeFormat f = format == VolumeFormat.SEG_NRRD ? VolumeFormat.NRRD : format;
            Path u = dir.resolve(f.fileName(prefix + "uncertainty"));
            VolumeFiles.writeVolume(u, f, new Volume(grid, r.uncertaintyOrNull().array()));
            out.add(u);
        }
        Path s = dir.resolve(prefix + "suggestions.json");
        AtomicFiles.writeString(s, r.guidance().toJson() + "\n");
        out.add(s);
        return out;
    }

    /** The name the fused labels get: {@code PREFIXfused} with the format's ending. */
    public static Path fusedFile(Path dir, String prefix, OutputOptions options) {
        return dir.resolve(options.format().fileName(prefix + "fused"));
    }

    /** One label map; the ITK-SNAP file beside it only for the fused labels (up and down share their names and colours). */
    private static List<Path> labels(Path dir, String stem, Grid grid, LabelVolume v, OutputOptions options, boolean describe)
            throws IOException {
        boolean inside = options.format() == VolumeFormat.SEG_NRRD;
        return VolumeFiles.writeLabels(dir.resolve(options.format().fileName(stem)), options.format(), new LabelVolume(grid, v.array()),
            describe || inside ? options.descriptionsOrNull() : null);
    }
}
