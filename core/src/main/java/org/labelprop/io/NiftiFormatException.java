// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

/** A file is not a NIfTI volume this tool can use; the message says what was expected and what was found. */
public class NiftiFormatException extends VolumeFormatException {
    public NiftiFormatException(String message) { super(message); }

    public NiftiFormatException(String message, Throwable cause) { super(message, cause); }
}
