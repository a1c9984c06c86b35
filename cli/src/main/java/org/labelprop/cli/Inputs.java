// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import org.labelprop.io.Nifti;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/** Reads the image and the label volumes that must lie on its grid, with messages that name the files. */
final class Inputs {
    private Inputs() { }

    static Volume image(Path file) throws IOException {
        return Nifti.readVolume(file);
    }

    /** Reads a label volume and checks it lies on {@code grid}; the result carries {@code grid} (the image's header). */
    static LabelVolume labelsOn(Grid grid, Path file, String what) throws IOException {
        LabelVolume l = Nifti.readLabels(file);
        String m = grid.mismatch(l.grid(), what + " " + file);
        if (m != null) throw new UserInputException(m);
        return new LabelVolume(grid, l.array());
    }

    /** Default output name: the image file name without .nii/.nii.gz. */
    static String baseName(Path image) {
        String n = image.getFileName().toString();
        for (String ext : new String[] {".nii.gz", ".nii", ".gz"})
            if (n.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) return n.substring(0, n.length() - ext.length());
        return n;
    }
}
