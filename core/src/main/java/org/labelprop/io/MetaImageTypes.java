// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.util.Map;

/** MetaImage {@code ElementType} names ↔ the voxel types this tool reads and writes (MetaIO sizes: MET_LONG is 4 bytes). */
final class MetaImageTypes {
    private static final Map<String, NiftiDataType> BY_NAME = Map.ofEntries(
        Map.entry("MET_CHAR", NiftiDataType.INT8), Map.entry("MET_UCHAR", NiftiDataType.UINT8),
        Map.entry("MET_SHORT", NiftiDataType.INT16), Map.entry("MET_USHORT", NiftiDataType.UINT16),
        Map.entry("MET_INT", NiftiDataType.INT32), Map.entry("MET_UINT", NiftiDataType.UINT32),
        Map.entry("MET_LONG", NiftiDataType.INT32), Map.entry("MET_ULONG", NiftiDataType.UINT32),
        Map.entry("MET_LONG_LONG", NiftiDataType.INT64),
        Map.entry("MET_FLOAT", NiftiDataType.FLOAT32), Map.entry("MET_DOUBLE", NiftiDataType.FLOAT64));

    private MetaImageTypes() {}

    static NiftiDataType parse(String name, String where) throws VolumeFormatException {
        NiftiDataType t = BY_NAME.get(name.strip().toUpperCase(java.util.Locale.ROOT));
        if (t == null)
            throw new VolumeFormatException(where + ": ElementType " + HeaderValues.shown(name) + " is not supported; expected"
                + " MET_CHAR, MET_UCHAR, MET_SHORT, MET_USHORT, MET_INT, MET_UINT, MET_LONG_LONG, MET_FLOAT or MET_DOUBLE");
        return t;
    }

    /** The name ITK's MetaImageIO writes for the type. */
    static String name(NiftiDataType t) {
        return switch (t) {
            case INT8 -> "MET_CHAR";
            case UINT8 -> "MET_UCHAR";
            case INT16 -> "MET_SHORT";
            case UINT16 -> "MET_USHORT";
            case INT32 -> "MET_INT";
            case UINT32 -> "MET_UINT";
            case INT64 -> "MET_LONG_LONG";
            case FLOAT32 -> "MET_FLOAT";
            case FLOAT64 -> "MET_DOUBLE";
        };
    }
}
