// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.labelprop.io.Nifti;
import org.labelprop.io.NiftiHeader;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Volume;

/**
 * A DICOM folder or .zip converted by {@link Dcm2niix} into a private temporary folder (owner-only where the file
 * system allows): its series, listed for a choice, and each one's volume with dcm2niix's geometry. Closing deletes
 * every temporary file; so does a failure while opening.
 * <pre>{@code
 * try (DicomImport dicom = DicomImport.open(folder)) {
 *     Volume scan = dicom.readVolume(dicom.choose(seriesOrNull).index());
 * }
 * }</pre>
 */
public final class DicomImport implements AutoCloseable {
    private final Path work;
    private final List<DicomSeries> series;

    private DicomImport(Path work, List<DicomSeries> series) {
        this.work = work;
        this.series = List.copyOf(series);
    }

    /** Whether {@code input} is something this class converts: a folder, or a file whose name ends in ".zip". */
    public static boolean accepts(Path input) {
        return Files.isDirectory(input) || input.getFileName() != null
            && input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") && Files.isRegularFile(input);
    }

    public static DicomImport open(Path input) throws IOException { return open(input, DicomOptions.defaults()); }

    /** Extracts a .zip if given, runs dcm2niix and lists what it converted; at least one series, else an exception. */
    public static DicomImport open(Path input, DicomOptions options) throws IOException {
        if (!accepts(input))
            throw new DicomConversionException(input + ": expected a folder of DICOM files or a .zip of one");
        Dcm2niix.locate().orElseThrow(() -> new Dcm2niixNotFoundException("DICOM input needs dcm2niix, which is not installed: "
            + Dcm2niix.INSTALL_HINT));
        Path work = privateFolder(options.tempParent());
        try {
            Path source = input;
            if (!Files.isDirectory(input)) {
                source = Files.createDirectory(work.resolve("input"));
                SafeUnzip.extract(input, source, options.maxZipBytes(), options.maxZipFiles());
            }
            Path out = Files.createDirectory(work.resolve("nifti"));
            Dcm2niix.convert(source, out, work.resolve("dcm2niix.log"), options.timeout());
            return new DicomImport(work, list(out));
        } catch (IOException | RuntimeException e) {
            delete(work);
            throw e;
        }
    }

    /** The series found, in list order (index 1 first). */
    public List<DicomSeries> series() { return series; }

    /**
     * The series numbered {@code index} (1-based), or the only one when {@code index} is null.
     * @throws DicomConversionException when there are several and none was chosen, or the index is out of range;
     *         the message lists the series
     */
    public DicomSeries choose(Integer index) throws DicomConversionException {
        if (index == null && series.size() == 1) return series.get(0);
        String list = String.join("; ", series.stream().map(DicomSeries::summary).toList());
        if (index == null)
            throw new DicomConversionException("the DICOM input holds " + series.size() + " series; choose one by number: " + list);
        if (index < 1 || index > series.size())
            throw new DicomConversionException("there is no series " + index + "; the DICOM input holds " + series.size() + ": " + list);
        return series.get(index - 1);
    }

    /** The volume of series {@code index} (1-based), with the geometry dcm2niix gave it. */
    public Volume readVolume(int index) throws IOException {
        DicomSeries s = choose(index);
        if (s.volumes() > 1)
            throw new DicomConversionException("series " + s.summary() + " is 4-D (" + s.volumes() + " volumes); expected one 3-D scan");
        return Nifti.readVolume(s.nifti());
    }

    /** Deletes the temporary folder and everything in it. */
    @Override public void close() throws IOException { delete(work); }

    private static List<DicomSeries> list(Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".nii")).sorted().toList();
        }
        record Found(Path file, Sidecar json) {}
        List<Found> found = new ArrayList<>();
        for (Path f : files) found.add(new Found(f, Sidecar.of(f)));
        found.sort(Comparator.comparingInt((Found f) -> f.json().integer("SeriesNumber")).thenComparing(f -> f.file().getFileName().toString()));
        List<DicomSeries> series = new ArrayList<>();
        for (Found f : found) {
            NiftiHeader h = Nifti.readHeader(f.file());
            long[] dim = h.dim();
            int volumes = dim[0] >= 4 ? (int) Math.max(1, Math.min(Integer.MAX_VALUE, dim[4])) : 1;
            Grid grid = Nifti.grid(h.withDim(Math.min(dim[0], 3), dim[1], dim[2], dim[3], 1, 1, 1, 1));
            String description = f.json().string("SeriesDescription");
            series.add(new DicomSeries(series.size() + 1, f.json().integer("SeriesNumber"),
                description.isEmpty() ? f.json().string("ProtocolName") : description, f.json().string("Modality"), grid.shape(),
                volumes, grid.spacing(), grid.axisCodes(), f.file()));
        }
        return series;
    }

    private static Path privateFolder(Path parent) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];
        return parent == null ? Files.createTempDirectory("labelprop-dicom-", attrs) : Files.createTempDirectory(parent, "labelprop-dicom-", attrs);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
