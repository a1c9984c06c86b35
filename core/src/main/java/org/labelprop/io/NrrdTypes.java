// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.util.Map;

/** NRRD "type" names (every spelling teem accepts) ↔ the voxel types this tool reads and writes. */
final class NrrdTypes {
    private static final Map<String, NiftiDataType> BY_NAME = Map.ofEntries(
        Map.entry("signed char", NiftiDataType.INT8), Map.entry("int8", NiftiDataType.INT8), Map.entry("int8_t", NiftiDataType.INT8),
        Map.entry("uchar", NiftiDataType.UINT8), Map.entry("unsigned char", NiftiDataType.UINT8),
        Map.entry("uint8", NiftiDataType.UINT8), Map.entry("uint8_t", NiftiDataType.UINT8),
        Map.entry("short", NiftiDataType.INT16), Map.entry("short int", NiftiDataType.INT16),
        Map.entry("signed short", NiftiDataType.INT16), Map.entry("signed short int", NiftiDataType.INT16),
        Map.entry("int16", NiftiDataType.INT16), Map.entry("int16_t", NiftiDataType.INT16),
        Map.entry("ushort", NiftiDataType.UINT16), Map.entry("unsigned short", NiftiDataType.UINT16),
        Map.entry("unsigned short int", NiftiDataType.UINT16), Map.entry("uint16", NiftiDataType.UINT16),
        Map.entry("uint16_t", NiftiDataType.UINT16),
        Map.entry("int", NiftiDataType.INT32), Map.entry("signed int", NiftiDataType.INT32),
        Map.entry("int32", NiftiDataType.INT32), Map.entry("int32_t", NiftiDataType.INT32),
        Map.entry("uint", NiftiDataType.UINT32), Map.entry("unsigned int", NiftiDataType.UINT32),
        Map.entry("uint32", NiftiDataType.UINT32), Map.entry("uint32_t", NiftiDataType.UINT32),
        Map.entry("longlong", NiftiDataType.INT64), Map.entry("long long", NiftiDataType.INT64),
        Map.entry("long long int", NiftiDataType.INT64), Map.entry("signed long long", NiftiDataType.INT64),
        Map.entry("signed long long int", NiftiDataType.INT64), Map.entry("int64", NiftiDataType.INT64),
        Map.entry("int64_t", NiftiDataType.INT64),
        Map.entry("float", NiftiDataType.FLOAT32), Map.entry("double", NiftiDataType.FLOAT64));

    private NrrdTypes() {}

    static NiftiDataType parse(String name, String where) throws VolumeFormatException {
        NiftiDataType t = BY_NAME.get(HeaderValues.lower(name.strip()).replaceAll("\\s+", " "));
        if (t == null)
            throw new VolumeFormatException(where + ": NRRD type " + HeaderValues.shown(name) + " is not supported; expected a scalar"
                + " type: int8, uint8, int16, uint16, int32, uint32, int64, float or double");
        return t;
    }

    /** teem's own name for the type, as its writers put it in the header. */
    static String name(NiftiDataType t) {
        return switch (t) {
            case INT8 -> "signed char";
            case UINT8 -> "unsigned char";
            case INT16 -> "short";
            case UINT16 -> "unsigned short";
            case INT32 -> "int";
            case UINT32 -> "unsigned int";
            case INT64 -> "long long int";
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
        };
    }
}
