// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

/** Bad input ends in a NiftiFormatException whose message says what was expected and what was found. */
class NiftiMessagesTest {
    @TempDir Path dir;

    /** A little-endian NIfTI-1 float32 3x3x3 file (values 0..26), patched by {@code edit} on the raw bytes. */
    private Path file(String name, NiftiDataType type, Consumer<ByteBuffer> edit) throws IOException {
        Path plain = dir.resolve("source.nii");
        Nifti.write(plain, Nifti.header(Grid.of(new Shape3(3, 3, 3), Spacing.isotropic(1))).withDataType(type), i -> i);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(plain)).order(ByteOrder.LITTLE_ENDIAN);
        edit.accept(b);
        Path out = dir.resolve(name);
        Files.write(out, name.endsWith(".gz") ? gzip(b.array()) : b.array());
        return out;
    }

    private Path file(String name, Consumer<ByteBuffer> edit) throws IOException { return file(name, NiftiDataType.FLOAT32, edit); }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) { gz.write(data); }
        return bytes.toByteArray();
    }

    private static String volumeError(Path file) {
        return assertThrows(NiftiFormatException.class, () -> Nifti.readVolume(file)).getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "message \"" + message + "\" should mention \"" + p + "\"");
    }

    @Test
    void wrongMagicSaysWhatWasFoundAndExpected() throws IOException {
        Path f = file("magic.nii", b -> b.put(344, new byte[] {'a', 'b', 'c', 0}));
        assertMentions(volumeError(f), "magic.nii", "magic is \"abc\\x00\"", "expected \"n+1\\x00\"");
        Path pair = file("pair.nii", b -> b.put(345, (byte) 'i'));
        assertMentions(volumeError(pair), "two-file NIfTI pair", "\"ni1");
        Path notNifti = dir.resolve("text.nii");
        Files.writeString(notNifti, "hello, this is not an image at all ".repeat(20));
        assertMentions(volumeError(notNifti), "sizeof_hdr", "expected 348 (NIfTI-1) or 540 (NIfTI-2)");
    }

    @Test
    void nifti2MagicDamagedByTextModeTransferIsRefused() throws IOException {
        Path v2 = dir.resolve("v2.nii");
        Nifti.write(v2, Nifti.header(Grid.of(new Shape3(2, 2, 2), Spacing.isotropic(1))).withVersion(2), i -> i);
        byte[] b = Files.readAllBytes(v2);
        b[8] = '\n';                                     // "\r\n" became "\n\n"
        Files.write(v2, b);
        assertMentions(volumeError(v2), "expected \"n+2\\x00\\x0d\\x0a\\x1a\\x0a\"", "text mode");
    }

    @Test
    void rgbAndComplexDataTypesAreNamed() throws IOException {
        assertMentions(volumeError(file("rgb.nii", b -> b.putShort(70, (short) 128))), "datatype 128 (RGB24)", "expected a scalar type");
        assertMentions(volumeError(file("cplx.nii.gz", b -> b.putShort(70, (short) 32))), "complex64", "float32");
    }

    @Test
    void fourDimensionalDataWithSeveralVolumesIsRefusedButSingletonAndTwoDimensionalAreRead() throws IOException {
        Path f = file("4d.nii", b -> b.putShort(40, (short) 4).putShort(48, (short) 12));
        assertMentions(volumeError(f), "expected a 3-D volume, found 4-D with 12 volumes");
        assertEquals(new Shape3(3, 3, 3), Nifti.readVolume(file("4d1.nii", b -> b.putShort(40, (short) 4).putShort(48, (short) 1))).shape());
        Path flat = file("2d.nii", b -> b.putShort(40, (short) 2).putShort(42, (short) 9));
        assertEquals(new Shape3(9, 3, 1), Nifti.readVolume(flat).shape());
        assertEquals(26f, Nifti.readVolume(flat).get(8, 2, 0));
        assertMentions(volumeError(file("5d.nii", b -> b.putShort(40, (short) 5).putShort(48, (short) 1).putShort(50, (short) 2))),
            "expected a 3-D volume, found 5-D data with dim[5] = 2");
    }

    @Test
    void truncatedDataSaysHowManyBytesArrived() throws IOException {
        byte[] whole = Files.readAllBytes(file("whole.nii", b -> { }));
        Path cut = dir.resolve("cut.nii");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 10));
        assertMentions(volumeError(cut), "cut.nii", "file ends after 98 of 108 data bytes");
        Path cutGz = dir.resolve("cut.nii.gz");
        Files.write(cutGz, gzip(Arrays.copyOf(whole, whole.length - 10)));
        assertMentions(volumeError(cutGz), "file ends after 98 of 108 data bytes");
        byte[] gz = gzip(whole);
        Path brokenGz = dir.resolve("broken.nii.gz");
        Files.write(brokenGz, Arrays.copyOf(gz, gz.length - 30));
        assertMentions(volumeError(brokenGz), "of 108 data bytes");
        Path header = dir.resolve("header.nii");
        Files.write(header, Arrays.copyOf(whole, 200));
        assertMentions(volumeError(header), "file ends after 200 of 348 header bytes");
    }

    @Test
    void absurdDimensionsAndOffsetsFailBeforeAllocating() throws IOException {
        assertMentions(volumeError(file("neg.nii", b -> b.putShort(44, (short) -5))), "dim[2] is -5", "expected every size >= 1");
        assertMentions(volumeError(file("zero.nii", b -> b.putShort(40, (short) 0))), "dim[0] is 0", "from 1 to 7");
        assertMentions(volumeError(file("huge.nii", b -> b.putShort(42, (short) 32767).putShort(44, (short) 32767).putShort(46, (short) 32767))),
            "32767x32767x32767", "exceed");
        assertMentions(volumeError(file("big.nii", b -> b.putShort(42, (short) 30000).putShort(44, (short) 30000).putShort(46, (short) 2))),
            "file ends after 108 of 7200000000 data bytes");
        assertMentions(volumeError(file("big.nii.gz", b -> b.putShort(42, (short) 30000).putShort(44, (short) 30000).putShort(46, (short) 2))),
            "header promises 7200000000 data bytes", "can hold at most");
        assertMentions(volumeError(file("offset.nii", b -> b.putFloat(108, 1e6f))), "vox_offset 1000000 lies beyond the end of the file (460 bytes)");
        assertMentions(volumeError(file("inside.nii", b -> b.putFloat(108, 100f))), "vox_offset 100 lies inside the 348-byte header");
        assertMentions(volumeError(file("frac.nii", b -> b.putFloat(108, 352.5f))), "vox_offset is 352.5");
        assertMentions(volumeError(file("sform.nii", b -> { for (int i = 280; i < 328; i += 4) b.putFloat(i, 0f); })), "sform", "singular");
    }

    @Test
    void geometryThatOverflowsIsRefused() throws IOException {
        Path v2 = dir.resolve("overflow.nii");
        Nifti.write(v2, Nifti.header(Grid.of(new Shape3(2, 2, 2), Spacing.isotropic(1))).withVersion(2), i -> i);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(v2)).order(ByteOrder.LITTLE_ENDIAN);
        b.putDouble(104 + 8, 0);                                   // pixdim[1] unusable: spacing from the sform column
        for (int row = 0; row < 3; row++) b.putDouble(400 + 32 * row, Double.MAX_VALUE);
        Files.write(v2, b.array());
        assertMentions(volumeError(v2), "overflow.nii", "no usable geometry");
    }

    @Test
    void labelMapsRefuseValuesThatAreNotLabelsNamingTheVoxel() throws IOException {
        String half = assertThrows(NiftiFormatException.class, () -> Nifti.readLabels(file("half.nii", b -> b.putFloat(352 + 4 * 13, 2.5f)))).getMessage();
        assertMentions(half, "half.nii", "whole numbers 0..65535", "found 2.5 at voxel (1, 1, 1)");
        assertMentions(assertThrows(NiftiFormatException.class, () -> Nifti.readLabels(file("neg.nii", b -> b.putFloat(352 + 4 * 26, -1f)))).getMessage(),
            "found -1.0 at voxel (2, 2, 2)");
        assertMentions(assertThrows(NiftiFormatException.class, () -> Nifti.readLabels(file("big.nii", b -> b.putFloat(352 + 4, 70000f)))).getMessage(),
            "found 70000.0 at voxel (1, 0, 0)");
        assertMentions(assertThrows(NiftiFormatException.class, () -> Nifti.readLabels(file("nan.nii", b -> b.putFloat(352 + 8, Float.NaN)))).getMessage(),
            "found NaN at voxel (2, 0, 0)");
        Path scaled = file("scaled.nii", NiftiDataType.INT16, b -> b.putFloat(112, 0.5f));
        assertMentions(assertThrows(NiftiFormatException.class, () -> Nifti.readLabels(scaled)).getMessage(),
            "found 0.5 at voxel (1, 0, 0)", "scl_slope 0.5");
        assertEquals(13, Nifti.readLabels(file("ok.nii", NiftiDataType.INT16, b -> { })).get(1, 1, 1));
    }

    @Test
    void missingFileIsANoSuchFileExceptionThatSaysSo() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Nifti.readVolume(dir.resolve("absent.nii.gz")));
        assertMentions(e.getMessage(), "absent.nii.gz", "NIfTI file not found");
    }

    @Test
    void gzipIsRecognisedByContentNotByName() throws IOException {
        Path gz = file("upload-1234", b -> { });
        Files.write(gz, gzip(Files.readAllBytes(gz)));
        assertEquals(13f, Nifti.readVolume(gz).get(1, 1, 1));
        Path plainNamedGz = file("plain.nii.gz", b -> { });
        Files.write(plainNamedGz, Files.readAllBytes(dir.resolve("source.nii")));
        assertEquals(13f, Nifti.readVolume(plainNamedGz).get(1, 1, 1));
    }
}
