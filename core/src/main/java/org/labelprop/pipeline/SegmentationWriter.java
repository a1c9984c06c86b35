// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.labelprop.io.AtomicFiles;
import org.labelprop.io.Nifti;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * The one writer of a segmentation's outputs, on the image's grid (shape, affine, qform/sform codes of the image
 * header): {@code PREFIXfused.nii.gz}, and when the method registers slices {@code PREFIXup.nii.gz},
 * {@code PREFIXdown.nii.gz} and {@code PREFIXuncertainty.nii.gz}; always {@code PREFIXsuggestions.json} (the
 * {@link org.labelprop.propagation.SuggestionReport} schema). Every file is written to a temporary name and renamed, so
 * no half-written output is ever left.
 */
public final class SegmentationWriter {
    /** Result names, in the order they are written. */
    public static final List<String> NAMES = List.of("fused", "up", "down", "uncertainty", "suggestions");

    private SegmentationWriter() { }

    /**
     * @param grid   the image's grid (its header geometry is copied into every volume)
     * @param prefix prepended to every file name: e.g. "scan_" (CLI) or "" (server)
     * @return the files written, in the order of {@link #NAMES}
     */
    public static List<Path> write(SegmentationResult r, Grid grid, Path dir, String prefix) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(labels(dir.resolve(prefix + "fused.nii.gz"), grid, r.fused()));
        if (r.upOrNull() != null) out.add(labels(dir.resolve(prefix + "up.nii.gz"), grid, r.upOrNull()));
        if (r.downOrNull() != null) out.add(labels(dir.resolve(prefix + "down.nii.gz"), grid, r.downOrNull()));
        if (r.uncertaintyOrNull() != null) {
            Path u = dir.resolve(prefix + "uncertainty.nii.gz");
            Nifti.writeVolume(u, new Volume(grid, r.uncertaintyOrNull().array()));
            out.add(u);
        }
        Path s = dir.resolve(prefix + "suggestions.json");
        AtomicFiles.writeString(s, r.guidance().toJson() + "\n");
        out.add(s);
        return out;
    }

    private static Path labels(Path file, Grid grid, LabelVolume v) throws IOException {
        Nifti.writeLabels(file, new LabelVolume(grid, v.array()));
        return file;
    }
}
