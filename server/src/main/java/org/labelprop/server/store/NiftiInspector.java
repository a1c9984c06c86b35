// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.labelprop.io.Nifti;
import org.labelprop.io.NiftiFormatException;
import org.labelprop.volume.Grid;

/**
 * Validates uploads by reading them completely with {@link Nifti}: images as float volumes, labels and hints as label
 * maps. Messages name the upload ("labels upload"), not the temp file it was streamed to.
 */
public final class NiftiInspector implements VolumeInspector {
    @Override public VolumeSummary inspect(ReceivedFile file, VolumeKind kind) throws IOException {
        try {
            return read(file, kind);
        } catch (NiftiFormatException e) {
            throw new NiftiFormatException(PathNames.name(e.getMessage(), Map.of(file.path(), kind.uploadName())), e);
        }
    }

    private static VolumeSummary read(ReceivedFile file, VolumeKind kind) throws IOException {
        Grid grid;
        List<Integer> labels = List.of();
        if (kind == VolumeKind.IMAGE) {
            grid = Nifti.readVolume(file.path()).grid();
        } else {
            var v = Nifti.readLabels(file.path());
            grid = v.grid();
            labels = Arrays.stream(v.labels()).boxed().toList();
        }
        var s = grid.spacing();
        return new VolumeSummary(kind.fileName(file.gzip()), file.bytes(), file.sha256(),
            List.of(grid.shape().nx(), grid.shape().ny(), grid.shape().nz()), List.of(s.xMm(), s.yMm(), s.zMm()),
            grid.axisCodes(), Arrays.stream(grid.affine().toArray()).boxed().toList(), labels);
    }
}
