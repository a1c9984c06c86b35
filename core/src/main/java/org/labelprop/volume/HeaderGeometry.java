// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/**
 * What a NIfTI header says about space, kept so that every output copies the source's geometry exactly:
 * the qform (as a matrix, including {@code qfac}) and sform with their codes, and the unit codes.
 * A code of 0 means "not set"; the matching matrix may then be {@code null}.
 */
public record HeaderGeometry(int qformCode, Affine qform, double qfac, int sformCode, Affine sform, int xyztUnits) {
    public HeaderGeometry {
        if (qformCode < 0 || sformCode < 0)
            throw new IllegalArgumentException("qform/sform codes must be >= 0, got " + qformCode + "/" + sformCode);
        if (qformCode > 0 && qform == null) throw new IllegalArgumentException("qform_code " + qformCode + " needs a qform matrix");
        if (sformCode > 0 && sform == null) throw new IllegalArgumentException("sform_code " + sformCode + " needs an sform matrix");
        if (qfac != 1 && qfac != -1) throw new IllegalArgumentException("qfac must be 1 or -1, got " + qfac);
    }

    /** Geometry of a volume whose affine came from elsewhere: qform and sform both set to it, code 2 (aligned), mm units. */
    public static HeaderGeometry fromAffine(Affine affine) {
        return new HeaderGeometry(2, affine, affine.determinant3() < 0 ? -1 : 1, 2, affine, 2);
    }

    /** The same geometry for a crop whose first voxel is (di, dj, dk) of this grid. */
    public HeaderGeometry translatedIndex(int di, int dj, int dk) {
        return new HeaderGeometry(qformCode, qform == null ? null : qform.translatedIndex(di, dj, dk), qfac,
            sformCode, sform == null ? null : sform.translatedIndex(di, dj, dk), xyztUnits);
    }
}
