// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.io.VolumeFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --output-format nifti|nrrd|mha|seg.nrrd} (also the endings: nii.gz, nii, nhdr, mhd, metaimage). */
final class OutputFormatConverter implements ITypeConverter<VolumeFormat> {
    @Override
    public VolumeFormat convert(String value) {
        try {
            return VolumeFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
