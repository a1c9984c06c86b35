// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.labelprop.io.AtomicFiles;
import org.labelprop.io.Nifti;
import org.labelprop.propagation.PropagationResult;
import org.labelprop.propagation.SliceSuggestion;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/** Writes the outputs of a deep propagation on the image's grid and prints the label status and suggestions. */
final class DeepOutputs {
    private DeepOutputs() { }

    static void write(PropagationResult r, Grid grid, Path dir, String name, PrintWriter out) throws IOException {
        Nifti.writeLabels(dir.resolve(name + "_fused.nii.gz"), on(grid, r.fused()));
        Nifti.writeLabels(dir.resolve(name + "_up.nii.gz"), on(grid, r.up()));
        Nifti.writeLabels(dir.resolve(name + "_down.nii.gz"), on(grid, r.down()));
        Nifti.writeVolume(dir.resolve(name + "_uncertainty.nii.gz"), new Volume(grid, r.uncertainty().array()));
        AtomicFiles.writeString(dir.resolve(name + "_suggestions.json"), r.toJson() + "\n");
        for (Map.Entry<Integer, String> e : r.labelStatus().entrySet())
            if (!"range".equals(e.getValue())) out.println("label " + e.getKey() + ": " + e.getValue());
        out.println("wrote " + dir.resolve(name + "_fused.nii.gz") + " (+ _up, _down, _uncertainty, _suggestions.json)");
        List<SliceSuggestion> s = r.suggestions();
        if (!s.isEmpty()) {
            StringBuilder sb = new StringBuilder("slices to annotate next (most useful first):");
            for (SliceSuggestion x : s.subList(0, Math.min(5, s.size()))) sb.append(' ').append(x.slice());
            out.println(sb);
        }
        out.flush();
    }

    private static LabelVolume on(Grid grid, LabelVolume l) { return new LabelVolume(grid, l.array()); }
}
