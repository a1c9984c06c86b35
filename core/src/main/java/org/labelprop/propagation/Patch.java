// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

/**
 * One channel of a soft label map stored as its bounding rectangle: rows {@code y0..y0+height-1}, columns
 * {@code x0..x0+width-1} of the slice; every value outside is exactly 0. Soft labels are small next to the slice, so
 * this keeps memory and warping cost proportional to the structures, not to the slice.
 */
record Patch(int y0, int x0, int height, int width, float[] data) {

    /** The value at slice row {@code y}, column {@code x} (0 outside the rectangle). */
    float get(int y, int x) {
        int r = y - y0, c = x - x0;
        return r < 0 || c < 0 || r >= height || c >= width ? 0f : data[r * width + c];
    }

    int y1() { return y0 + height; }

    int x1() { return x0 + width; }

    /**
     * {y0, x0, y1, x1} (ends exclusive) of the rectangle {@code box} grown to hold {@code p}: {@code box} null starts from
     * {@code p} alone, {@code p} null leaves {@code box} as it is.
     */
    static int[] union(int[] box, Patch p) {
        if (p == null) return box;
        if (box == null) return new int[] {p.y0, p.x0, p.y1(), p.x1()};
        return new int[] {Math.min(box[0], p.y0), Math.min(box[1], p.x0), Math.max(box[2], p.y1()), Math.max(box[3], p.x1())};
    }

    /** The union of the rectangles of {@code a} and {@code b}, either may be null (not both). */
    static int[] union(Patch a, Patch b) { return union(union((int[]) null, a), b); }

    /**
     * The non-zero part of {@code buf}, a {@code bh x bw} block placed at ({@code by}, {@code bx}) in the slice, or null
     * when it is all zero.
     */
    static Patch crop(float[] buf, int by, int bx, int bh, int bw) {
        int r0 = bh, r1 = -1, c0 = bw, c1 = -1;
        for (int r = 0; r < bh; r++)
            for (int c = 0; c < bw; c++)
                if (buf[r * bw + c] != 0f) {
                    if (r < r0) r0 = r;
                    r1 = r;
                    if (c < c0) c0 = c;
                    if (c > c1) c1 = c;
                }
        if (r1 < 0) return null;
        int h = r1 - r0 + 1, w = c1 - c0 + 1;
        float[] d = new float[h * w];
        for (int r = 0; r < h; r++) System.arraycopy(buf, (r0 + r) * bw + c0, d, r * w, w);
        return new Patch(by + r0, bx + c0, h, w, d);
    }
}
