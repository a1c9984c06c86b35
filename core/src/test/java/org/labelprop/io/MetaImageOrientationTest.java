// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.labelprop.volume.Affine;

/**
 * The informational AnatomicalOrientation written into MetaImage headers, as ITK's SpatialOrientationAdapter names a
 * direction matrix: the side each axis comes from, a permutation even for oblique grids. (ITK 5.2, Debian's, names
 * strongly oblique matrices differently from current ITK; neither reads the field back.)
 */
class MetaImageOrientationTest {
    @Test
    void namesAxesByTheSideTheyComeFrom() {
        assertEquals("RAI", MetaImageWriter.itkOrientation(Affine.of(-1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)));   // LPS identity
        assertEquals("LPI", MetaImageWriter.itkOrientation(Affine.of(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)));     // RAS
        // sagittal: array x toward anterior, y toward inferior, z toward left
        assertEquals("PSR", MetaImageWriter.itkOrientation(Affine.of(0, 0, -2, 0, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 1)));
        // the probe ITK wrote for a tilted grid (plastimatch 1.9.4): "SAR"
        assertEquals("SAR", MetaImageWriter.itkOrientation(Affine.of(-0.27251161, 0.72131867, -2.13218746, 10, -0.09623781,
            -1.07154917, -1.59283626, -20, -0.63755447, -0.14656655, 1.15180262, 30, 0, 0, 0, 1)));
    }
}
