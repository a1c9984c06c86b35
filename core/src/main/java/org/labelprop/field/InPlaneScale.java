// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/**
 * A working grid for registration of large slices: slices whose longer side exceeds a maximum are registered at a
 * reduced in-plane size (both sides scaled by the same factor, the slice count unchanged) and the fields are brought
 * back to the native grid, so cost and memory stop growing with the scanner's matrix (the original LabelProp registers
 * at a fixed 256 × 256). Images shrink by area averaging, labels by the value at the centre of each working pixel;
 * fields grow by bilinear interpolation at pixel centres, their displacements scaled to native pixels.
 *
 * @param axis   propagation axis
 * @param height native slice rows
 * @param width  native slice columns
 * @param workH  working rows (≤ height)
 * @param workW  working columns (≤ width)
 */
public record InPlaneScale(SliceAxis axis, int height, int width, int workH, int workW) {
    public InPlaneScale {
        if (workH < 1 || workW < 1 || workH > height || workW > width)
            throw new IllegalArgumentException("working slice " + workH + "x" + workW + " must fit within " + height + "x" + width);
    }

    /** The working grid of slices of {@code shape} along {@code axis} whose longer side is at most {@code maxSide}. */
    public static InPlaneScale fit(Shape3 shape, SliceAxis axis, int maxSide) { return fit(shape, axis, maxSide, 0, 0); }

    /**
     * The working grid of slices larger than {@code maxSide} pixels: at most {@code maxSide} per side, and pixels of at
     * least {@code minPixelMm} (the finer of the two in-plane spacings {@code spacingMm} scaled): a 0.25 mm matrix of
     * 376 × 328 is registered at 1 mm (94 × 82) rather than at 256 × 223, the scale the network and the similarity
     * window were made for. Slices within {@code maxSide} are left as they are, whatever their spacing.
     */
    public static InPlaneScale fit(Shape3 shape, SliceAxis axis, int maxSide, double spacingMm, double minPixelMm) {
        if (maxSide < 2) throw new IllegalArgumentException("largest working side must be >= 2, got " + maxSide);
        int h = shape.size(axis.vAxis()), w = shape.size(axis.uAxis());
        double f = Math.min(1.0, (double) maxSide / Math.max(h, w));
        if (f < 1 && spacingMm > 0 && minPixelMm > 0) f = Math.min(f, spacingMm / minPixelMm);
        return new InPlaneScale(axis, h, w, Math.max(2, (int) Math.round(h * f)), Math.max(2, (int) Math.round(w * f)));
    }

    /** {@link #fit(Shape3, SliceAxis, int, double, double)} for {@code image}'s slices, at its finer in-plane spacing. */
    public static InPlaneScale fit(Volume image, SliceAxis axis, int maxSide, double minPixelMm) {
        Spacing mm = image.grid().spacing();
        return fit(image.shape(), axis, maxSide, Math.min(mm.along(axis.uAxis()), mm.along(axis.vAxis())), minPixelMm);
    }

    /** Whether the working grid is the native one. */
    public boolean identity() { return workH == height && workW == width; }

    /** {@code image} on the working grid: each working pixel the mean of the native pixels whose centres fall in it. */
    public Volume shrink(Volume image) {
        if (identity()) return image;
        Shape3 s = image.shape(), w = workShape(s);
        float[] out = new float[w.voxels()], count = new float[w.voxels()];
        int[] at = new int[3], to = new int[3];
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    at[0] = x; at[1] = y; at[2] = z;
                    map(at, to);
                    int k = w.index(to[0], to[1], to[2]);
                    out[k] += image.get(x, y, z);
                    count[k]++;
                }
        for (int k = 0; k < out.length; k++) out[k] = count[k] > 0 ? out[k] / count[k] : 0;
        return new Volume(workGrid(image.grid()), out);
    }

    /** {@code labels} on the working grid: the native value at the centre of each working pixel. */
    public LabelVolume shrink(LabelVolume labels) {
        if (identity()) return labels;
        Shape3 s = labels.shape(), w = workShape(s);
        int[] out = new int[w.voxels()];
        int u = axis.uAxis(), v = axis.vAxis();
        int[] at = new int[3];
        for (int z = 0; z < w.nz(); z++)
            for (int y = 0; y < w.ny(); y++)
                for (int x = 0; x < w.nx(); x++) {
                    at[0] = x; at[1] = y; at[2] = z;
                    at[u] = centre(at[u], width, workW);
                    at[v] = centre(at[v], height, workH);
                    out[w.index(x, y, z)] = labels.get(at[0], at[1], at[2]);
                }
        return new LabelVolume(workGrid(labels.grid()), out);
    }

    /** A working-grid field on the native grid, displacements in native pixels. */
    public DisplacementField enlarge(DisplacementField f) {
        if (identity()) return f;
        if (f.height() != workH || f.width() != workW)
            throw new IllegalArgumentException("field is " + f.height() + "x" + f.width() + ", the working grid " + workH + "x" + workW);
        float[] dy = new float[height * width], dx = new float[height * width];
        double sy = (double) height / workH, sx = (double) width / workW;
        for (int r = 0; r < height; r++) {
            double y = Math.min(Math.max((r + 0.5) / sy - 0.5, 0), workH - 1);
            for (int c = 0; c < width; c++) {
                double x = Math.min(Math.max((c + 0.5) / sx - 0.5, 0), workW - 1);
                dy[r * width + c] = (float) (Warper.sample(f.dyArray(), workH, workW, y, x) * sy);
                dx[r * width + c] = (float) (Warper.sample(f.dxArray(), workH, workW, y, x) * sx);
            }
        }
        return new DisplacementField(height, width, dy, dx);
    }

    private Shape3 workShape(Shape3 s) {
        int[] n = {s.nx(), s.ny(), s.nz()};
        n[axis.uAxis()] = workW;
        n[axis.vAxis()] = workH;
        return new Shape3(n[0], n[1], n[2]);
    }

    private Grid workGrid(Grid g) {
        double[] mm = {g.spacing().xMm(), g.spacing().yMm(), g.spacing().zMm()};
        mm[axis.uAxis()] *= (double) width / workW;
        mm[axis.vAxis()] *= (double) height / workH;
        return Grid.of(workShape(g.shape()), new Spacing(mm[0], mm[1], mm[2]));
    }

    /** Native index → working index along both in-plane axes. */
    private void map(int[] at, int[] to) {
        System.arraycopy(at, 0, to, 0, 3);
        to[axis.uAxis()] = Math.min(workW - 1, (int) ((at[axis.uAxis()] + 0.5) * workW / width));
        to[axis.vAxis()] = Math.min(workH - 1, (int) ((at[axis.vAxis()] + 0.5) * workH / height));
    }

    private static int centre(int i, int nativeSize, int workSize) {
        return Math.min(nativeSize - 1, (int) ((i + 0.5) * nativeSize / workSize));
    }
}
