// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad NRRD and MetaImage files end in a one-line {@link VolumeFormatException} that says what was expected and what was
 * found; sizes the file cannot hold are refused before anything large is allocated.
 */
class FormatMessagesTest {
    private static final String NRRD = "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 2\nendian: little\nencoding: raw\n"
        + "space: left-posterior-superior\nspace directions: (1,0,0) (0,1,0) (0,0,1)\nspace origin: (0,0,0)\n";
    private static final String MHA = "ObjectType = Image\nNDims = 3\nDimSize = 2 2 2\nElementType = MET_SHORT\n";
    @TempDir Path dir;

    @Test
    void nrrdHeadersSayWhatIsWrong() throws Exception {
        nrrd("NRRD0004\n", 16, "the NRRD header has no \"type\" field, which is required");
        nrrd("NRRD0009\n" + NRRD.substring(9), 16, "not a NRRD file: first line is \"NRRD0009\"");
        nrrd(NRRD.replace("short", "unsigned long long"), 64, "NRRD type \"unsigned long long\" is not supported; expected a scalar type");
        nrrd(NRRD.replace("sizes: 2 2 2", "sizes: 2 2"), 16, "sizes is \"2 2\", expected 3 whole numbers");
        nrrd(NRRD.replace("encoding: raw", "encoding: bzip2"), 16, "encoding \"bzip2\" is not supported; expected raw or gzip");
        nrrd(NRRD.replace("endian: little\n", ""), 16, "no \"endian\" field, required for type int16");
        nrrd(NRRD.replace("left-posterior-superior", "scanner-xyz-time"), 16, "space \"scanner-xyz-time\" is not supported");
        nrrd(NRRD.replace("(0,0,1)", "(1,0,0)"), 16, "give no usable geometry; expected three independent, finite directions");
        nrrd(NRRD.replace("(0,0,1)", "(0,0,nan)"), 16, "space directions has \"nan\", expected a finite number");
        nrrd(NRRD.replace("dimension: 3", "dimension: 4").replace("sizes: 2 2 2", "sizes: 2 2 2 5")
            .replace("(0,0,1)", "(0,0,1) none"), 80, "found 5 values per voxel along NRRD axis 3");
        nrrd(NRRD.replace("type: short", "type: short\ntype: short"), 16, "field \"type\" is given twice");
        nrrd(NRRD + "data file: absent.raw\n", 0, "data file", "absent.raw does not exist");
        nrrd(NRRD, 9, "header promises 16 data bytes after byte 172 but bad.nrrd has 181 bytes");
    }

    @Test
    void metaImageHeadersSayWhatIsWrong() throws Exception {
        mha("NDims = 2\nDimSize = 2 2\nElementType = MET_SHORT\n", 8, "NDims is 2, expected a 3-D image");
        mha(MHA.replace("MET_SHORT", "MET_ULONG_LONG"), 64, "ElementType \"MET_ULONG_LONG\" is not supported");
        mha(MHA + "ElementNumberOfChannels = 3\n", 48, "ElementNumberOfChannels is 3, expected 1 value per voxel");
        mha(MHA + "BinaryData = False\n", 16, "BinaryData is False (text data); expected True");
        mha(MHA + "ElementSpacing = 1 0 1\n", 16, "ElementSpacing is 1 0 1, expected sizes > 0");
        mha(MHA + "TransformMatrix = 1 0 0 0 1 0\n", 16, "TransformMatrix is \"1 0 0 0 1 0\", expected 9 numbers");
        mha(MHA.replace("ElementType = MET_SHORT\n", ""), 16, "no ElementType, which is required");
        mha(MHA + "CompressedData = True\n", 40, "damaged or truncated");
        Path noEnd = Files.writeString(dir.resolve("noend.mha"), MHA);
        assertMessage(() -> MetaImage.readVolume(noEnd), "ends without an ElementDataFile line");
        Path text = Files.writeString(dir.resolve("text.mha"), "hello world\n");
        assertMessage(() -> MetaImage.readVolume(text), "not a MetaImage file: first line is \"hello world\", expected \"Key = Value\"");
    }

    @Test
    void sizesTheFileCannotHoldAreRefusedBeforeAllocating() throws Exception {
        String huge = NRRD.replace("sizes: 2 2 2", "sizes: 2000 2000 500").replace("type: short", "type: float");
        nrrd(huge, 64, "header promises 8000000000 data bytes");
        nrrd(huge.replace("encoding: raw", "encoding: gzip"), 64, "the compressed data in", "can hold at most");
        nrrd(NRRD.replace("sizes: 2 2 2", "sizes: 100000 100000 100000"), 64, "exceed the 2147483639 values one volume can hold");
        mha(MHA.replace("DimSize = 2 2 2", "DimSize = 3000 3000 200") + "CompressedData = True\n", 64, "can hold at most");
    }

    @Test
    void labelMapsRefuseFractionsNamingTheVoxel() throws Exception {
        Path f = dir.resolve("frac.nrrd");
        Nrrd.write(f, org.labelprop.volume.Grid.of(new org.labelprop.volume.Shape3(2, 2, 1), org.labelprop.volume.Spacing.isotropic(1)),
            NiftiDataType.FLOAT32, java.nio.ByteOrder.LITTLE_ENDIAN, false, java.util.Map.of(), i -> i == 3 ? 2.5 : 1);
        assertMessage(() -> Nrrd.readLabels(f), "a label map must hold whole numbers 0..65535, found 2.5 at voxel (1, 1, 0)");
    }

    private void nrrd(String header, int dataBytes, String... parts) throws Exception {
        Path f = write("bad.nrrd", header + "\n", dataBytes);
        assertMessage(() -> Nrrd.readVolume(f), parts);
    }

    private void mha(String header, int dataBytes, String... parts) throws Exception {
        Path f = write("bad.mha", header + "ElementDataFile = LOCAL\n", dataBytes);
        assertMessage(() -> MetaImage.readVolume(f), parts);
    }

    private Path write(String name, String header, int dataBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.getBytes(StandardCharsets.UTF_8));
        out.write(new byte[dataBytes]);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static void assertMessage(Executable read, String... parts) {
        String m = assertThrows(VolumeFormatException.class, read).getMessage();
        for (String p : parts) assertTrue(m.contains(p), "\"" + m + "\" should contain \"" + p + "\"");
        assertEquals(1, m.lines().count(), m);
    }
}
