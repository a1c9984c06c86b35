// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.labelprop.io.MetaImage;
import org.labelprop.io.Nifti;
import org.labelprop.io.Nrrd;
import org.labelprop.io.VolumeFiles;
import org.labelprop.io.VolumeFormatException;
import org.labelprop.io.dicom.Dcm2niix;
import org.labelprop.io.dicom.Dcm2niixNotFoundException;
import org.labelprop.io.dicom.DicomConversionException;
import org.labelprop.io.dicom.DicomImport;
import org.labelprop.io.dicom.DicomOptions;
import org.labelprop.io.dicom.DicomSeries;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.labels.Segmentation;
import org.labelprop.server.limits.MemoryBudget;
import org.labelprop.server.limits.VolumeAdmission;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.PathNames;
import org.labelprop.server.store.ReceivedFile;
import org.labelprop.server.store.VolumeKind;

/**
 * Turns an upload into the NIfTI the session stores, by its content: NIfTI stays as is; a single-file NRRD (a 3D Slicer
 * {@code .seg.nrrd} too) or MetaImage ({@code .mha}) is decoded, within a memory reservation, and written as
 * {@code .nii.gz}; a .zip of one DICOM series (image only) is converted by dcm2niix in a private folder under the data
 * directory's {@code tmp/}, deleted after. A detached header ({@code .nhdr}, {@code .mhd}) names another file, which on
 * the server could be any file: it is refused (422). No dcm2niix: 415 with how to install it. The converted file keeps
 * the upload's size and SHA-256: they describe what the client sent.
 */
final class UploadConverter {
    private final Datastore store;
    private final VolumeAdmission admission;
    private final Semaphore decoding;
    private final DicomOptions dicom;

    UploadConverter(Datastore store, VolumeAdmission admission, Semaphore decoding, DicomOptions dicom) {
        this.store = store;
        this.admission = admission;
        this.decoding = decoding;
        this.dicom = dicom;
    }

    /**
     * The upload as a NIfTI file in {@code tmp/}: {@code upload} itself when it is NIfTI (or unrecognised: the NIfTI
     * reader then says what is wrong), else a new file the caller deletes; with the label descriptions a 3D Slicer
     * segmentation of labels holds (its segments' names and colours), else none.
     * @param seriesOrNull which series of a DICOM .zip holding several (1-based), or null
     */
    Converted toNifti(ReceivedFile upload, VolumeKind kind, Integer seriesOrNull) throws IOException, InterruptedException {
        String head = head(upload.path());
        boolean dicomZip = head.startsWith("PK\u0003\u0004");
        if (seriesOrNull != null && !dicomZip)
            throw new ApiException(400, "?series chooses among the series of a DICOM .zip; the " + kind.uploadName() + " is not a .zip");
        if (upload.gzip()) return new Converted(upload, LabelDescriptions.empty());
        if (head.startsWith("NRRD000")) return decoded(upload, kind, ".nrrd");
        if (dicomZip) return new Converted(dicom(upload, kind, seriesOrNull), LabelDescriptions.empty());
        if (head.matches("(?s)\\s*[A-Za-z][A-Za-z0-9_]*\\s*=.*")) return decoded(upload, kind, ".mha");
        return new Converted(upload, LabelDescriptions.empty());
    }

    /** An upload as the stored NIfTI, and the label descriptions it carried (empty: none). */
    record Converted(ReceivedFile file, LabelDescriptions descriptions) { }

    /** NRRD or MetaImage: single-file only, decoded within a memory reservation and written as gzip NIfTI. */
    private Converted decoded(ReceivedFile upload, VolumeKind kind, String ending) throws IOException, InterruptedException {
        Path file = renamed(upload.path(), ending);
        Path out = store.newTempFile(".nii.gz");
        Map<Path, String> names = Map.of(file, kind.uploadName(), upload.path(), kind.uploadName());
        LabelDescriptions descriptions = LabelDescriptions.empty();
        try {
            boolean nrrd = ending.equals(".nrrd");
            String detached = nrrd ? Nrrd.dataFileOrNull(file) : MetaImage.dataFileOrNull(file);
            if (detached != null)
                throw new ApiException(422, "the " + kind.uploadName() + " is a detached " + (nrrd ? "NRRD header (.nhdr)" : "MetaImage header (.mhd)")
                    + " naming the data file '" + detached + "'; upload a single file with the data inside (" + (nrrd ? ".nrrd" : ".mha") + ")");
            long values = nrrd ? Nrrd.readValueCount(file) : MetaImage.readGrid(file).shape().voxels();
            // the raw values and the decoded volume are held at once
            try (MemoryBudget.Reservation r = admission.reserve(values, 2, "the " + kind.uploadName() + " (" + values + " values)",
                VolumeController.MEMORY_WAIT)) {
                decoding.acquire();
                try {
                    if (kind == VolumeKind.IMAGE) {
                        Nifti.writeVolume(out, VolumeFiles.readVolume(file));
                    } else {
                        // a segmentation's names and colours are kept for the annotations (hints carry no names)
                        Segmentation s = VolumeFiles.readSegmentation(file);
                        Nifti.writeLabels(out, s.labels());
                        if (kind == VolumeKind.LABELS) descriptions = s.descriptions();
                    }
                } finally {
                    decoding.release();
                }
            }
            return new Converted(new ReceivedFile(out, upload.bytes(), upload.sha256(), true), descriptions);
        } catch (VolumeFormatException e) {
            Files.deleteIfExists(out);
            throw new VolumeFormatException(PathNames.name(e.getMessage(), names), e);
        } catch (IOException | RuntimeException | InterruptedException e) {
            Files.deleteIfExists(out);
            throw e;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A .zip of DICOM files: dcm2niix's NIfTI of its one series (or the chosen one), copied out of the private folder. */
    private ReceivedFile dicom(ReceivedFile upload, VolumeKind kind, Integer seriesOrNull) throws IOException, InterruptedException {
        if (kind != VolumeKind.IMAGE)
            throw new ApiException(422, "the " + kind.uploadName() + " is a .zip; DICOM series are accepted as the image only, label maps"
                + " as NIfTI, NRRD (.seg.nrrd too) or MetaImage (.mha)");
        if (Dcm2niix.locate().isEmpty())
            throw new ApiException(415, "a .zip of DICOM files needs dcm2niix on the server, which is not installed: " + Dcm2niix.INSTALL_HINT
                + "; or convert the series to NIfTI first (the browser page does so itself)");
        Path zip = renamed(upload.path(), ".zip");
        Path out = store.newTempFile(".nii");
        decoding.acquire();
        try (DicomImport d = DicomImport.open(zip, dicom)) {
            if (seriesOrNull == null && d.series().size() > 1)
                throw new ApiException(422, "the " + kind.uploadName() + " holds " + d.series().size() + " DICOM series; upload one, or"
                    + " choose one with ?series=N: " + d.series().stream().map(DicomSeries::summary).collect(Collectors.joining("; ")));
            DicomSeries s = d.choose(seriesOrNull);
            if (s.volumes() > 1)
                throw new ApiException(422, "series " + s.summary() + " is 4-D (" + s.volumes() + " volumes); expected one 3-D scan");
            Files.copy(s.nifti(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new ReceivedFile(out, upload.bytes(), upload.sha256(), false);
        } catch (Dcm2niixNotFoundException e) {
            Files.deleteIfExists(out);
            throw new ApiException(415, e.getMessage());
        } catch (DicomConversionException e) {
            Files.deleteIfExists(out);
            String m = e.getMessage().replace(zip.toString(), "the " + kind.uploadName())
                .replaceAll("\\S*labelprop-dicom-\\d+[/\\\\]input", "the " + kind.uploadName());
            throw new DicomConversionException(m, e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e;
        } finally {
            decoding.release();
            Files.deleteIfExists(zip);
        }
    }

    private static Path renamed(Path file, String ending) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.(nii|nii\\.gz|upload)$", "") + ending;
        return Files.move(file, file.resolveSibling(name));
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
        }
    }
}
