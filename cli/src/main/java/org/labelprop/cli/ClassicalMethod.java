// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.Locale;
import org.labelprop.classical.NearestSliceInterpolation;
import org.labelprop.classical.ShapeInterpolation;
import org.labelprop.classical.SliceInterpolator;

/** The instant methods that need no training. */
enum ClassicalMethod {
    NEAREST, SHAPE;

    SliceInterpolator interpolator() {
        return this == NEAREST ? new NearestSliceInterpolation() : new ShapeInterpolation();
    }

    String cliName() { return name().toLowerCase(Locale.ROOT); }

    @Override public String toString() { return cliName(); }
}
