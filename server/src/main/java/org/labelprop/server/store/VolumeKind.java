// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.util.Locale;

/** The three volumes a session holds: the scan, the sparse annotations and optional hints (255 = background). */
public enum VolumeKind {
    IMAGE, LABELS, HINTS;

    /** Lower-case name used in URLs and file names. */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** How client messages refer to an upload of this kind, e.g. "labels upload". */
    public String uploadName() { return key() + " upload"; }

    /** File name in the session directory for a plain or gzip-compressed NIfTI. */
    public String fileName(boolean gzip) { return key() + (gzip ? ".nii.gz" : ".nii"); }
}
