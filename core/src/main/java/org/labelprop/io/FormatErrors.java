// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

/** Makes the format exception of the file being read, so shared decoding code keeps each format's exception type. */
@FunctionalInterface
interface FormatErrors {
    /** NIfTI readers throw {@link NiftiFormatException}s. */
    FormatErrors NIFTI = NiftiFormatException::new;
    /** NRRD, MetaImage, segmentation and label description readers throw {@link VolumeFormatException}s. */
    FormatErrors GENERIC = VolumeFormatException::new;

    VolumeFormatException error(String message, Throwable cause);

    default VolumeFormatException error(String message) { return error(message, null); }
}
