// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How DICOM conversion fails: a missing dcm2niix names the package, dcm2niix's own error text is passed on, a run that
 * hangs is stopped, unsafe or oversized archives are refused, and the private folder is gone after every failure.
 * Stand-in dcm2niix scripts make these cases without the real program.
 */
class DicomImportTest {
    @TempDir Path dir;

    @AfterEach
    void restoreProgram() { System.clearProperty("labelprop.dcm2niix"); }

    @Test
    void missingDcm2niixSaysHowToInstallIt() throws Exception {
        System.setProperty("labelprop.dcm2niix", dir.resolve("absent/dcm2niix").toString());
        Path input = Files.createDirectory(dir.resolve("series"));
        String m = assertThrows(Dcm2niixNotFoundException.class, () -> DicomImport.open(input)).getMessage();
        assertTrue(m.contains("apt-get install dcm2niix"), m);
    }

    @Test
    void dcm2niixErrorLinesBecomeTheMessageAndTheFolderIsDeleted() throws Exception {
        fakeDcm2niix("echo \"Chris Rorden's dcm2niiX version v1.0\"; echo 'Error: Unsupported transfer syntax 1.2.3'; exit 1");
        Path work = Files.createDirectory(dir.resolve("work"));
        Path input = Files.createDirectory(dir.resolve("series"));
        String m = assertThrows(DicomConversionException.class, () -> DicomImport.open(input, DicomOptions.defaults().withTempParent(work)))
            .getMessage();
        assertTrue(m.contains("could not convert") && m.contains("exit code 1") && m.contains("Error: Unsupported transfer syntax 1.2.3"), m);
        assertEquals(0, Files.list(work).count(), "nothing left in the temporary parent");
    }

    @Test
    void noSeriesFoundIsSaidSo() throws Exception {
        fakeDcm2niix("echo 'No valid DICOM images were found'; exit 2");
        Path input = Files.createDirectory(dir.resolve("notes"));
        String m = assertThrows(DicomConversionException.class, () -> DicomImport.open(input)).getMessage();
        assertTrue(m.startsWith("no DICOM series found in") && m.contains("No valid DICOM images were found"), m);
    }

    @Test
    void aHangingConversionIsStoppedAfterTheTimeout() throws Exception {
        fakeDcm2niix("sleep 30");
        Path work = Files.createDirectory(dir.resolve("work"));
        Path input = Files.createDirectory(dir.resolve("series"));
        long start = System.nanoTime();
        String m = assertThrows(DicomConversionException.class,
            () -> DicomImport.open(input, DicomOptions.defaults().withTimeout(Duration.ofSeconds(1)).withTempParent(work))).getMessage();
        assertTrue(m.contains("did not finish") && m.contains("within 1 s"), m);
        assertTrue(System.nanoTime() - start < 15e9, "stopped promptly");
        assertEquals(0, Files.list(work).count());
    }

    @Test
    void unsafeOrOversizedArchivesAreRefused() throws Exception {
        fakeDcm2niix("exit 0");
        Path work = Files.createDirectory(dir.resolve("work"));
        DicomOptions options = DicomOptions.defaults().withTempParent(work);
        assertRefused(zip("traversal.zip", "a/../../evil.dcm", 10), options, "points outside");
        assertRefused(zip("absolute.zip", "/tmp/evil.dcm", 10), options, "absolute path");
        assertRefused(zip("bomb.zip", "big.dcm", 5000), options.withZipLimits(4096, 10), "expands to more than 4096 bytes");
        assertRefused(zip("many.zip", "f.dcm", 1), options.withZipLimits(1 << 20, 1), "more than 1 entries");
        Path notZip = Files.writeString(dir.resolve("broken.zip"), "not a zip");
        assertRefused(notZip, options, "not a readable .zip");
        assertRefused(Files.writeString(dir.resolve("scan.txt"), "x"), options, "expected a folder of DICOM files or a .zip");
        assertEquals(0, Files.list(work).count());
        assertTrue(Files.notExists(dir.getParent().resolve("evil.dcm")) && Files.notExists(Path.of("/tmp/evil.dcm")));
    }

    private void assertRefused(Path input, DicomOptions options, String expected) {
        String m = assertThrows(DicomConversionException.class, () -> DicomImport.open(input, options)).getMessage();
        assertTrue(m.contains(expected), m);
    }

    /** A zip whose entries are {@code name} (twice, with a number, when the limit is on entries) with {@code size} bytes. */
    private Path zip(String file, String name, int size) throws Exception {
        Path z = dir.resolve(file);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            for (int n = 0; n < 2; n++) {
                out.putNextEntry(new ZipEntry(n == 0 ? name : "second" + n + ".dcm"));
                out.write(new byte[size]);
                out.closeEntry();
            }
        }
        return z;
    }

    private void fakeDcm2niix(String body) throws Exception {
        Path script = dir.resolve("fake-dcm2niix");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        System.setProperty("labelprop.dcm2niix", script.toString());
    }

}
