// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

/**
 * What a {@link FusionWeights} may look at for slice {@code slice} strictly between annotated slices {@code lower} and
 * {@code upper}: the slice's own image ({@code target}) and the images of the two annotated slices warped onto it by
 * the composed fields ({@code upSource} from {@code lower}, {@code downSource} from {@code upper}); all row-major
 * height x width, and the images may be null when {@link FusionWeights#needsImages()} is false.
 */
public record FusionContext(int slice, int lower, int upper, int height, int width,
                            float[] target, float[] upSource, float[] downSource) {
    public FusionContext {
        if (!(lower < slice && slice < upper))
            throw new IllegalArgumentException("slice " + slice + " must lie strictly between annotated slices "
                + lower + " and " + upper);
        if (height < 1 || width < 1) throw new IllegalArgumentException("slice size must be positive, got " + height + "x" + width);
        int n = height * width;
        for (float[] a : new float[][] {target, upSource, downSource})
            if (a != null && a.length != n)
                throw new IllegalArgumentException("fusion images must hold " + n + " pixels, got " + a.length);
    }

    public int pixels() { return height * width; }
}
