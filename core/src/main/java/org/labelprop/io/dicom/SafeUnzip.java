// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Extracts a .zip into a folder, refusing entries that would land outside it (absolute names, "..", drive letters),
 * duplicate names, and archives with more entries or more bytes than allowed; bytes are counted as they are written,
 * not taken from the archive's own (forgeable) sizes.
 */
final class SafeUnzip {
    private SafeUnzip() {}

    static void extract(Path zip, Path dir, long maxBytes, int maxFiles) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        long total = 0;
        int files = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (++files > maxFiles)
                    throw new DicomConversionException(zip + ": holds more than " + maxFiles + " entries, the limit for one upload");
                Path target = target(root, entry.getName(), zip);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        total += n;
                        if (total > maxBytes)
                            throw new DicomConversionException(zip + ": expands to more than " + maxBytes + " bytes, the limit for one upload");
                        out.write(buffer, 0, n);
                    }
                } catch (java.nio.file.FileAlreadyExistsException ex) {
                    throw new DicomConversionException(zip + ": holds " + entry.getName() + " twice; expected each file once");
                }
            }
        } catch (ZipException ex) {
            throw new DicomConversionException(zip + ": not a readable .zip archive (" + ex.getMessage() + ")", ex);
        }
    }

    private static Path target(Path root, String name, Path zip) throws DicomConversionException {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.isEmpty())
            throw new DicomConversionException(zip + ": entry \"" + name + "\" has an absolute path; expected paths inside the archive");
        try {
            Path target = root.resolve(n).normalize();
            if (!target.startsWith(root) || target.equals(root))
                throw new DicomConversionException(zip + ": entry \"" + name + "\" points outside the archive's folder; refused");
            return target;
        } catch (InvalidPathException ex) {
            throw new DicomConversionException(zip + ": entry \"" + name.replaceAll("\\p{Cntrl}", "?") + "\" is not a valid file name");
        }
    }
}
