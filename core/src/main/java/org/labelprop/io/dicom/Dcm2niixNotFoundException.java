// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

/** The dcm2niix program is not installed (or not where {@code LABELPROP_DCM2NIIX} points); the message says how to install it. */
public class Dcm2niixNotFoundException extends DicomConversionException {
    public Dcm2niixNotFoundException(String message) { super(message); }
}
