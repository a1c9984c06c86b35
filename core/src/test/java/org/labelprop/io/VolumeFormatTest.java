// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

/** Formats are known by name, else by content; command-line names parse; stems drop the whole ending. */
class VolumeFormatTest {
    @TempDir Path dir;

    @Test
    void namesSayTheFormat() {
        assertEquals(Optional.of(VolumeFormat.NIFTI), VolumeFormat.fromName(Path.of("a/ct.NII.GZ")));
        assertEquals(Optional.of(VolumeFormat.NIFTI), VolumeFormat.fromName(Path.of("ct.nii")));
        assertEquals(Optional.of(VolumeFormat.SEG_NRRD), VolumeFormat.fromName(Path.of("labels.seg.nrrd")));
        assertEquals(Optional.of(VolumeFormat.NRRD), VolumeFormat.fromName(Path.of("ct.nhdr")));
        assertEquals(Optional.of(VolumeFormat.METAIMAGE), VolumeFormat.fromName(Path.of("ct.mhd")));
        assertEquals(Optional.empty(), VolumeFormat.fromName(Path.of("ct.dcm")));
        assertEquals("ct", VolumeFormat.stem(Path.of("x/ct.seg.nrrd")));
        assertEquals("ct.v2", VolumeFormat.stem(Path.of("ct.v2.nii.gz")));
        assertEquals("labels.seg.nrrd", VolumeFormat.SEG_NRRD.fileName("labels"));
        assertEquals(Path.of("out/ct.labels.txt"), ItkSnapLabels.besidePath(Path.of("out/ct.nii.gz")));
    }

    @Test
    void commandLineNamesParse() {
        assertEquals(VolumeFormat.NIFTI, VolumeFormat.parse("nifti"));
        assertEquals(VolumeFormat.NIFTI, VolumeFormat.parse(".nii.gz"));
        assertEquals(VolumeFormat.METAIMAGE, VolumeFormat.parse("MHA"));
        assertEquals(VolumeFormat.METAIMAGE, VolumeFormat.parse("metaimage"));
        assertEquals(VolumeFormat.SEG_NRRD, VolumeFormat.parse("seg.nrrd"));
        String m = assertThrows(IllegalArgumentException.class, () -> VolumeFormat.parse("dicom")).getMessage();
        assertEquals("unknown volume format \"dicom\"; expected nifti, nrrd, mha or seg.nrrd", m);
    }

    @Test
    void contentSaysTheFormatWhenTheNameDoesNot() throws Exception {
        LabelVolume v = LabelVolume.empty(Grid.of(new Shape3(2, 2, 2), Spacing.isotropic(1)));
        for (VolumeFormat f : VolumeFormat.values()) {
            Path named = dir.resolve(f.fileName("x")), anonymous = dir.resolve("upload-" + f.name());
            VolumeFiles.writeLabels(named, f, v, null);
            if (named.toString().endsWith(".nhdr") || named.toString().endsWith(".mhd")) continue;
            Files.copy(named, anonymous);
            assertEquals(f, VolumeFormat.detect(anonymous), f.toString());
            assertEquals(0, VolumeFiles.readLabels(anonymous).maxLabel());
        }
        String m = assertThrows(VolumeFormatException.class, () -> VolumeFormat.detect(Files.writeString(dir.resolve("notes"), "hello")))
            .getMessage();
        assertTrue(m.contains("not a known volume format"), m);
    }

    @Test
    void writingRefusesANameOfAnotherFormat() {
        LabelVolume v = LabelVolume.empty(Grid.of(new Shape3(2, 2, 2), Spacing.isotropic(1)));
        String m = assertThrows(IllegalArgumentException.class, () -> VolumeFiles.writeLabels(dir.resolve("out.nrrd"), VolumeFormat.NIFTI, v, null))
            .getMessage();
        assertEquals("file name out.nrrd is for nrrd but the format is nifti; name it out.nii.gz", m);
        assertThrows(IllegalArgumentException.class, () -> VolumeFiles.writeVolume(dir.resolve("x.seg.nrrd"), VolumeFormat.SEG_NRRD,
            new org.labelprop.volume.Volume(v.grid(), new float[8])));
    }
}
