// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;

/**
 * A file is not a volume, label map or label description this tool can use (NIfTI, NRRD, MetaImage, 3D Slicer
 * segmentation, ITK-SNAP labels); the one-line message says where, what was expected and what was found.
 */
public class VolumeFormatException extends IOException {
    public VolumeFormatException(String message) { super(message); }

    public VolumeFormatException(String message, Throwable cause) { super(message, cause); }
}
