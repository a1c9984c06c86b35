// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

/** A .nii.gz whose gzip trailer (CRC-32, size) does not match its data is refused, not read as if intact. */
class NiftiGzipTrailerTest {
    @TempDir Path dir;

    @Test
    void intactGzipFileReads() throws Exception {
        Path f = labels();
        assertThat(Nifti.readLabels(f).maxLabel()).isEqualTo(3);
        assertThat(Nifti.readVolume(f).grid().shape()).isEqualTo(new Shape3(8, 8, 4));
    }

    @Test
    void wrongCrcIsRefused() throws Exception {
        Path f = labels();
        byte[] b = Files.readAllBytes(f);
        b[b.length - 8] ^= 0x5a;                                     // first byte of the CRC-32
        Files.write(f, b);
        assertThatThrownBy(() -> Nifti.readLabels(f)).isInstanceOf(NiftiFormatException.class)
            .hasMessageContaining("CRC-32/size trailer");
        assertThatThrownBy(() -> Nifti.readVolume(f)).isInstanceOf(NiftiFormatException.class);
    }

    @Test
    void wrongSizeIsRefused() throws Exception {
        Path f = labels();
        byte[] b = Files.readAllBytes(f);
        b[b.length - 1] ^= 0x01;                                     // last byte of ISIZE
        Files.write(f, b);
        assertThatThrownBy(() -> Nifti.readLabels(f)).isInstanceOf(NiftiFormatException.class);
    }

    @Test
    void missingTrailerIsRefused() throws Exception {
        Path f = labels();
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 8));
        assertThatThrownBy(() -> Nifti.readLabels(f)).isInstanceOf(NiftiFormatException.class)
            .hasMessageContaining("gzip");
    }

    @Test
    void megabytesAfterTheVoxelsAreRefused() throws Exception {
        Path plain = dir.resolve("l.nii");
        Nifti.writeLabels(plain, volume());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(plain));
            gz.write(new byte[(int) NiftiInput.MAX_TRAILING_BYTES + 1]);
        }
        Path f = dir.resolve("padded.nii.gz");
        Files.write(f, bytes.toByteArray());
        assertThatThrownBy(() -> Nifti.readLabels(f)).isInstanceOf(NiftiFormatException.class)
            .hasMessageContaining("follow the voxel data");
    }

    private Path labels() throws Exception {
        Path f = dir.resolve("l.nii.gz");
        Nifti.writeLabels(f, volume());
        return f;
    }

    private static LabelVolume volume() {
        int[] a = new int[8 * 8 * 4];
        for (int i = 0; i < a.length; i++) a[i] = i % 4;
        return new LabelVolume(Grid.of(new Shape3(8, 8, 4), new Spacing(1, 1, 2)), a);
    }
}
