// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/** Tiny synthetic volumes for propagation tests; slices along z (rows = y, columns = x). */
public final class PropagationFixtures {
    private PropagationFixtures() { }

    public static Grid grid(int nx, int ny, int nz) { return Grid.of(new Shape3(nx, ny, nz), new Spacing(1, 1, 1)); }

    /** Disks of {@code label} with radius r centred at (cx + dx*z, cy + dy*z): content moving (dy, dx) per slice. */
    public static LabelVolume movingDisk(Grid g, double cx, double cy, double dx, double dy, double r, int label) {
        Shape3 s = g.shape();
        int[] d = new int[s.voxels()];
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    double ex = x - cx - dx * z, ey = y - cy - dy * z;
                    if (ex * ex + ey * ey <= r * r) d[s.index(x, y, z)] = label;
                }
        return new LabelVolume(g, d);
    }

    /** A smooth textured image moving (dy, dx) per slice, plus +2 inside {@code labels}. */
    public static Volume movingImage(Grid g, double dx, double dy, LabelVolume labels) {
        Shape3 s = g.shape();
        float[] d = new float[s.voxels()];
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    double u = x - dx * z, v = y - dy * z;
                    int i = s.index(x, y, z);
                    d[i] = (float) (Math.sin(0.45 * u) * Math.cos(0.31 * v) + 0.5 * Math.sin(0.17 * (u + 2 * v))
                        + (labels.array()[i] != 0 ? 2 : 0));
                }
        return new Volume(g, d);
    }

    /** Only slices {@code keep} (along z) of {@code full}, the rest background: a sparse annotation. */
    public static LabelVolume keepSlices(LabelVolume full, int... keep) {
        Shape3 s = full.shape();
        int[] d = new int[s.voxels()];
        int plane = s.nx() * s.ny();
        for (int z : keep) System.arraycopy(full.array(), z * plane, d, z * plane, plane);
        return new LabelVolume(full.grid(), d);
    }

    /** Adds rectangle [x0,x1) x [y0,y1) of {@code value} on slice z of a label array. */
    public static void fill(int[] d, Shape3 s, int z, int x0, int x1, int y0, int y1, int value) {
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) d[s.index(x, y, z)] = value;
    }

    /** Dice of {@code label} between a and b over slices z0..z1 (inclusive). */
    public static double dice(LabelVolume a, LabelVolume b, int label, int z0, int z1) {
        Shape3 s = a.shape();
        long na = 0, nb = 0, both = 0;
        for (int z = z0; z <= z1; z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    boolean pa = a.get(x, y, z) == label, pb = b.get(x, y, z) == label;
                    if (pa) na++;
                    if (pb) nb++;
                    if (pa && pb) both++;
                }
        return na + nb == 0 ? 1 : 2.0 * both / (na + nb);
    }

    /** Number of voxels of {@code label} on slice z. */
    public static int count(LabelVolume v, int label, int z) {
        int n = 0;
        for (int y = 0; y < v.shape().ny(); y++) for (int x = 0; x < v.shape().nx(); x++) if (v.get(x, y, z) == label) n++;
        return n;
    }
}
