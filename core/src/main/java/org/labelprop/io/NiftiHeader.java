// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header that this tool reads and writes, widened to NIfTI-2 types (long dims,
 * double floats). Holds what the file says, unvalidated beyond array lengths: the reader checks meaning when it
 * turns a header into a grid. Arrays are copied in and out.
 *
 * @param dim        dim[0] = number of dimensions, dim[1..7] sizes (8 values)
 * @param pixdim     pixdim[0] = qfac, pixdim[1..3] voxel size in mm (8 values)
 * @param quatern    qform quaternion (b, c, d)
 * @param qoffset    qform offset (x, y, z) in mm
 * @param srow       sform rows x, y, z, 4 values each (12 values, row-major)
 * @param intentP    intent parameters p1, p2, p3
 */
public record NiftiHeader(int version, ByteOrder byteOrder, long[] dim, int datatype, int bitpix, double[] pixdim,
                          long voxOffset, double sclSlope, double sclInter, double calMin, double calMax,
                          int qformCode, double[] quatern, double[] qoffset, int sformCode, double[] srow,
                          int xyztUnits, int intentCode, double[] intentP, String intentName, String descrip, int dimInfo) {
    /** NIFTI_INTENT_LABEL: voxel values are label indices. */
    public static final int INTENT_LABEL = 1002;
    /** NIFTI_UNITS_MM | NIFTI_UNITS_SEC. */
    public static final int UNITS_MM_SEC = 2 | 8;

    public NiftiHeader {
        if (version != 1 && version != 2) throw new IllegalArgumentException("NIfTI version must be 1 or 2, got " + version);
        Objects.requireNonNull(byteOrder, "byteOrder");
        dim = copy(dim, 8, "dim");
        pixdim = copy(pixdim, 8, "pixdim");
        quatern = copy(quatern, 3, "quatern");
        qoffset = copy(qoffset, 3, "qoffset");
        srow = copy(srow, 12, "srow");
        intentP = copy(intentP, 3, "intentP");
        intentName = intentName == null ? "" : intentName;
        descrip = descrip == null ? "" : descrip;
    }

    /** Size in bytes of the header proper: 348 (NIfTI-1) or 540 (NIfTI-2). */
    public int headerBytes() { return version == 1 ? 348 : 540; }

    @Override public long[] dim() { return dim.clone(); }
    @Override public double[] pixdim() { return pixdim.clone(); }
    @Override public double[] quatern() { return quatern.clone(); }
    @Override public double[] qoffset() { return qoffset.clone(); }
    @Override public double[] srow() { return srow.clone(); }
    @Override public double[] intentP() { return intentP.clone(); }

    long dim(int i) { return dim[i]; }
    double pixdim(int i) { return pixdim[i]; }
    double srow(int i) { return srow[i]; }

    public NiftiHeader withVersion(int v) {
        return new NiftiHeader(v, byteOrder, dim, datatype, bitpix, pixdim, voxOffset, sclSlope, sclInter, calMin, calMax,
            qformCode, quatern, qoffset, sformCode, srow, xyztUnits, intentCode, intentP, intentName, descrip, dimInfo);
    }

    public NiftiHeader withByteOrder(ByteOrder order) {
        return new NiftiHeader(version, order, dim, datatype, bitpix, pixdim, voxOffset, sclSlope, sclInter, calMin, calMax,
            qformCode, quatern, qoffset, sformCode, srow, xyztUnits, intentCode, intentP, intentName, descrip, dimInfo);
    }

    /** The same header for another voxel type ({@code datatype} and {@code bitpix}). */
    public NiftiHeader withDataType(NiftiDataType t) {
        return new NiftiHeader(version, byteOrder, dim, t.code(), t.bitpix(), pixdim, voxOffset, sclSlope, sclInter, calMin,
            calMax, qformCode, quatern, qoffset, sformCode, srow, xyztUnits, intentCode, intentP, intentName, descrip, dimInfo);
    }

    /** The same header with {@code scl_slope} and {@code scl_inter}: value = stored · slope + inter (slope 0 = none). */
    public NiftiHeader withScaling(double slope, double inter) {
        return new NiftiHeader(version, byteOrder, dim, datatype, bitpix, pixdim, voxOffset, slope, inter, calMin, calMax,
            qformCode, quatern, qoffset, sformCode, srow, xyztUnits, intentCode, intentP, intentName, descrip, dimInfo);
    }

    public NiftiHeader withDim(long... newDim) {
        return new NiftiHeader(version, byteOrder, newDim, datatype, bitpix, pixdim, voxOffset, sclSlope, sclInter, calMin,
            calMax, qformCode, quatern, qoffset, sformCode, srow, xyztUnits, intentCode, intentP, intentName, descrip, dimInfo);
    }

    /** The same header with {@code cal_min}/{@code cal_max} (display range) and the given intent. */
    public NiftiHeader withCalibrationAndIntent(double min, double max, int intent, String name) {
        return new NiftiHeader(version, byteOrder, dim, datatype, bitpix, pixdim, voxOffset, sclSlope, sclInter, min, max,
            qformCode, quatern, qoffset, sformCode, srow, xyztUnits, intent, intentP, name, descrip, dimInfo);
    }

    /** Header data type, or a {@link NiftiFormatException} naming an unsupported one. */
    public NiftiDataType dataType() throws NiftiFormatException { return NiftiDataType.ofCode(datatype, "header"); }

    @Override public boolean equals(Object o) {
        return o instanceof NiftiHeader h && version == h.version && byteOrder.equals(h.byteOrder) && Arrays.equals(dim, h.dim)
            && datatype == h.datatype && bitpix == h.bitpix && Arrays.equals(pixdim, h.pixdim) && voxOffset == h.voxOffset
            && same(sclSlope, h.sclSlope) && same(sclInter, h.sclInter) && same(calMin, h.calMin) && same(calMax, h.calMax)
            && qformCode == h.qformCode && Arrays.equals(quatern, h.quatern) && Arrays.equals(qoffset, h.qoffset)
            && sformCode == h.sformCode && Arrays.equals(srow, h.srow) && xyztUnits == h.xyztUnits
            && intentCode == h.intentCode && Arrays.equals(intentP, h.intentP) && intentName.equals(h.intentName)
            && descrip.equals(h.descrip) && dimInfo == h.dimInfo;
    }

    @Override public int hashCode() {
        return Objects.hash(version, byteOrder, Arrays.hashCode(dim), datatype, Arrays.hashCode(pixdim), voxOffset,
            qformCode, sformCode, Arrays.hashCode(srow), Arrays.hashCode(quatern), descrip);
    }

    @Override public String toString() {
        return "NiftiHeader[NIfTI-" + version + " " + byteOrder + ", dim=" + Arrays.toString(dim) + ", datatype=" + datatype
            + " (" + NiftiDataType.nameOf(datatype) + "), bitpix=" + bitpix + ", pixdim=" + Arrays.toString(pixdim)
            + ", vox_offset=" + voxOffset + ", scl=" + sclSlope + "/" + sclInter + ", cal=" + calMin + ".." + calMax
            + ", qform_code=" + qformCode + " quatern=" + Arrays.toString(quatern) + " qoffset=" + Arrays.toString(qoffset)
            + ", sform_code=" + sformCode + " srow=" + Arrays.toString(srow) + ", xyzt_units=" + xyztUnits
            + ", intent=" + intentCode + " " + Arrays.toString(intentP) + " '" + intentName + "', descrip='" + descrip
            + "', dim_info=" + dimInfo + "]";
    }

    private static boolean same(double a, double b) { return Double.compare(a, b) == 0; }

    private static long[] copy(long[] a, int n, String what) {
        if (Objects.requireNonNull(a, what).length != n) throw new IllegalArgumentException(what + " needs " + n + " values, got " + a.length);
        return a.clone();
    }

    private static double[] copy(double[] a, int n, String what) {
        if (Objects.requireNonNull(a, what).length != n) throw new IllegalArgumentException(what + " needs " + n + " values, got " + a.length);
        return a.clone();
    }
}
