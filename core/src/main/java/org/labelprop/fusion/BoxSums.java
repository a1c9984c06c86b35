// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

/**
 * Sums over a square window centred on every pixel, zero padding outside the slice, by a summed-area table:
 * O(1) per pixel whatever the window. {@code windowSize = 2 * radius + 1} (ITK radius 15 = window 31).
 */
public final class BoxSums {
    private BoxSums() { }

    /** Window sums of {@code values} (height x width, row-major) for an odd {@code windowSize}. */
    public static double[] of(double[] values, int height, int width, int windowSize) {
        if (windowSize < 1 || windowSize % 2 == 0)
            throw new IllegalArgumentException("window size must be odd and positive (2*radius+1), got " + windowSize);
        if (values.length != height * width)
            throw new IllegalArgumentException("expected " + height * width + " values for " + height + "x" + width
                + ", got " + values.length);
        int r = windowSize / 2, w1 = width + 1;
        // table[(y+1)*(w+1) + (x+1)] = sum of values[0..y][0..x]
        double[] table = new double[(height + 1) * w1];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                row += values[y * width + x];
                table[(y + 1) * w1 + x + 1] = table[y * w1 + x + 1] + row;
            }
        }
        double[] out = new double[height * width];
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - r), y1 = Math.min(height, y + r + 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - r), x1 = Math.min(width, x + r + 1);
                out[y * width + x] = table[y1 * w1 + x1] - table[y0 * w1 + x1] - table[y1 * w1 + x0] + table[y0 * w1 + x0];
            }
        }
        return out;
    }
}
