// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import java.io.IOException;

/**
 * A DICOM input could not be turned into a volume: dcm2niix found no series or failed (its own message is passed on),
 * ran too long, or the archive is unsafe or too large. The message is one line.
 */
public class DicomConversionException extends IOException {
    public DicomConversionException(String message) { super(message); }

    public DicomConversionException(String message, Throwable cause) { super(message, cause); }
}
