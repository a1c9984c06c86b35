// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

/**
 * Parameters of {@link TvL1Flow}, named as scikit-image's {@code optical_flow_tvl1} names them; {@link #defaults()} are
 * its defaults (scikit-image 0.19: attachment 15, tightness 0.3, 5 warps, 10 iterations, tolerance 1e-4, no
 * prefilter). The pyramid halves each side (rounding up) while the shorter side exceeds {@code 2 * minSize}, at most
 * {@code maxLevels} levels, as {@code skimage.registration._optical_flow_utils.get_pyramid} builds it.
 *
 * @param attachment lambda of Zach et al.: the smaller, the smoother the flow
 * @param tightness  theta: couples the data and the regularisation variables
 * @param warps      times the moving image is re-warped per pyramid level (outer iterations)
 * @param iterations fixed-point iterations per warp
 * @param tolerance  stopping threshold per pixel on the squared change of the flow within a warp
 * @param maxLevels  pyramid levels at most, the full resolution included
 * @param minSize    the pyramid stops once the shorter side is at most twice this (pixels)
 */
public record TvL1Options(double attachment, double tightness, int warps, int iterations, double tolerance, int maxLevels,
                          int minSize) {
    public TvL1Options {
        if (!(attachment > 0 && Double.isFinite(attachment)))
            throw new IllegalArgumentException("TV-L1 attachment must be positive and finite, got " + attachment);
        if (!(tightness > 0 && Double.isFinite(tightness)))
            throw new IllegalArgumentException("TV-L1 tightness must be positive and finite, got " + tightness);
        if (warps < 1 || iterations < 1)
            throw new IllegalArgumentException("TV-L1 needs at least one warp and one iteration, got " + warps + " and " + iterations);
        if (!(tolerance >= 0 && Double.isFinite(tolerance)))
            throw new IllegalArgumentException("TV-L1 tolerance must be finite and not negative, got " + tolerance);
        if (maxLevels < 1 || minSize < 1)
            throw new IllegalArgumentException("pyramid needs at least one level and a positive minimum size, got "
                + maxLevels + " and " + minSize);
    }

    /** scikit-image 0.19's defaults. */
    public static TvL1Options defaults() { return new TvL1Options(15, 0.3, 5, 10, 1e-4, 10, 16); }

    public TvL1Options withAttachment(double a) { return new TvL1Options(a, tightness, warps, iterations, tolerance, maxLevels, minSize); }

    public TvL1Options withWarps(int w) { return new TvL1Options(attachment, tightness, w, iterations, tolerance, maxLevels, minSize); }

    public TvL1Options withIterations(int i) { return new TvL1Options(attachment, tightness, warps, i, tolerance, maxLevels, minSize); }
}
