// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

/**
 * Options of a {@link SliceInterpolator}.
 *
 * @param extrapolate when true, slices below the first and above the last annotated slice receive a copy of that outermost
 *                    annotation; when false (the default, as the original) they stay background
 */
public record InterpolationOptions(boolean extrapolate) {

    /** No extrapolation. */
    public static InterpolationOptions defaults() { return new InterpolationOptions(false); }

    public InterpolationOptions withExtrapolate(boolean value) { return new InterpolationOptions(value); }
}
