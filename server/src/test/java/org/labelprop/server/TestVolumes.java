// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelprop.io.Nifti;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/** Tiny synthetic NIfTI files for server tests (and the CLI's probe suite): a 16x12x10 image on an LPS-like grid and sparse disk labels. */
public final class TestVolumes {
    public static final Shape3 SHAPE = new Shape3(16, 12, 10);
    /** Non-identity affine: x flipped (L), y flipped (P), anisotropic spacing, shifted origin. */
    public static final Grid GRID = Grid.of(SHAPE, Affine.of(-0.8, 0, 0, 10, 0, -0.9, 0, 20, 0, 0, 2.5, -30, 0, 0, 0, 1));
    /** Annotated slices along z. */
    public static final int LOW = 1, HIGH = 8;

    private TestVolumes() { }

    public static Volume image(Grid grid) {
        Shape3 s = grid.shape();
        float[] a = new float[s.voxels()];
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) a[s.index(x, y, z)] = x + 2 * y + 3 * z;
        return new Volume(grid, a);
    }

    /** Label 1: a disk of radius r on slices LOW and HIGH (radius 3 and 5), nothing elsewhere; label 2: a square on both. */
    public static LabelVolume sparseLabels(Grid grid) {
        Shape3 s = grid.shape();
        int[] a = new int[s.voxels()];
        for (int z : new int[] {LOW, HIGH}) {
            int r = z == LOW ? 3 : 5;
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    if ((x - 6) * (x - 6) + (y - 6) * (y - 6) <= r * r) a[s.index(x, y, z)] = 1;
                    if (x >= 13 && y >= 9) a[s.index(x, y, z)] = 2;
                }
        }
        return new LabelVolume(grid, a);
    }

    public static byte[] imageBytes(Path dir, boolean gzip) throws IOException {
        Path f = dir.resolve("image-" + System.nanoTime() + (gzip ? ".nii.gz" : ".nii"));
        Nifti.writeVolume(f, image(GRID));
        return Files.readAllBytes(f);
    }

    public static byte[] labelBytes(Path dir, Grid grid) throws IOException {
        Path f = dir.resolve("labels-" + System.nanoTime() + ".nii.gz");
        Nifti.writeLabels(f, sparseLabels(grid));
        return Files.readAllBytes(f);
    }
}
