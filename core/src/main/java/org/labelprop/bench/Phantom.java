// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.Random;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/**
 * A generated stand-in for the real benchmark when the sample MR data cannot be obtained: four ellipsoidal
 * "structures" whose centres drift and radii swell along z, each with its own intensity, on a smooth textured
 * background with noise. Deterministic for a seed.
 */
public final class Phantom {
    private Phantom() { }

    public static BenchmarkCase generate(long seed) {
        Shape3 s = new Shape3(80, 72, 48);
        Grid grid = Grid.of(s, new Spacing(1, 1, 1.5));
        Random rnd = new Random(seed);
        float[] img = new float[s.voxels()];
        int[] lab = new int[s.voxels()];
        double[][] e = {
            {26, 30, 10, 9, 5, 40, 100}, {52, 30, 8, 7, 6, 40, 160}, {40, 50, 12, 6, 8, 40, 220}, {30, 52, 6, 5, 10, 36, 70}};
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    int i = s.index(x, y, z);
                    double v = 120 + 20 * Math.sin(x / 7.0) * Math.cos(y / 9.0) + 10 * Math.sin(z / 5.0);
                    for (int k = 0; k < e.length; k++) {
                        double t = (z - (s.nz() - e[k][5]) / 2.0) / e[k][5];
                        if (t < 0 || t > 1) continue;
                        double swell = Math.sin(Math.PI * t);
                        double cx = e[k][0] + 6 * t, cy = e[k][1] - 4 * t;
                        double rx = e[k][2] * (0.3 + 0.7 * swell), ry = e[k][3] * (0.3 + 0.7 * swell);
                        double d = Math.pow((x - cx) / rx, 2) + Math.pow((y - cy) / ry, 2);
                        if (d <= 1) { lab[i] = k + 1; v = e[k][6] + 15 * (1 - d); }
                    }
                    img[i] = (float) (v + 8 * rnd.nextGaussian());
                }
        Volume image = new Volume(grid, img);
        LabelVolume truth = new LabelVolume(grid, lab);
        int first = s.nz(), last = -1;
        for (int z = 0; z < s.nz(); z++)
            if (truth.slice(SliceAxis.Z, z).any()) { first = Math.min(first, z); last = Math.max(last, z); }
        return new BenchmarkCase("generated phantom", image, truth, SliceAxis.Z, AalDeepGreyMatter.protocols(first, last));
    }
}
