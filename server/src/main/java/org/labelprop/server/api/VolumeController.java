// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.labelprop.io.NiftiFormatException;
import org.labelprop.io.dicom.DicomOptions;
import org.labelprop.server.limits.MemoryBudget;
import org.labelprop.server.limits.VolumeAdmission;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.LabelDescriptionStore;
import org.labelprop.server.store.PathNames;
import org.labelprop.server.store.ReceivedFile;
import org.labelprop.server.store.SessionRecord;
import org.labelprop.server.store.VolumeInspector;
import org.labelprop.server.store.VolumeKind;
import org.labelprop.server.store.VolumeSummary;

/**
 * {@code /api/sessions/{id}/image|labels|hints}: streamed uploads (NIfTI; NRRD, MetaImage and, for the image, a .zip of
 * one DICOM series, converted to NIfTI by {@link UploadConverter}), validated completely before they replace anything;
 * labels and hints must lie on the image grid. The segment names of a 3D Slicer segmentation uploaded as labels become
 * the session's descriptions of the labels that have none.
 */
public final class VolumeController {
    private final Datastore store;
    private final UploadReceiver receiver;
    /** How long an upload waits for memory to decode it before it is answered 503. */
    static final Duration MEMORY_WAIT = Duration.ofSeconds(10);
    private final VolumeInspector inspector;
    private final VolumeAdmission admission;
    /** Decoding is CPU-bound: more at once than there are cores only slows every request down. */
    private final Semaphore decoding = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final UploadConverter converter;

    private final LabelDescriptionStore descriptions;

    /**
     * @param dicom        limits of DICOM conversions; its temporary parent should be the data directory's {@code tmp/}
     * @param descriptions the sessions' label descriptions, which a 3D Slicer segmentation uploaded as labels completes
     */
    public VolumeController(Datastore store, UploadReceiver receiver, VolumeInspector inspector, VolumeAdmission admission,
                            DicomOptions dicom, LabelDescriptionStore descriptions) {
        this.store = store;
        this.descriptions = descriptions;
        this.receiver = receiver;
        this.inspector = inspector;
        this.admission = admission;
        this.converter = new UploadConverter(store, admission, decoding, dicom);
    }

    /**
     * PUT: 200 with the volume's summary; 409 for labels before an image; 413 too large (bytes, voxels or memory); 422
     * unusable or off-grid; 503 busy; 415 a DICOM .zip without dcm2niix on the server. Validation decodes the whole
     * volume: its memory is reserved first, from the header. {@code ?series=N} chooses a series of a DICOM .zip.
     */
    public void put(Context ctx, VolumeKind kind) throws IOException, InterruptedException {
        String id = ctx.pathParam("id");
        SessionRecord before = store.session(id);
        if (kind != VolumeKind.IMAGE && before.image() == null) throw noImage(id, kind);
        Integer series = series(ctx);
        ReceivedFile upload = receiver.receive(ctx);
        ReceivedFile file = upload;
        try {
            VolumeSummary same = store.session(id).volume(kind);
            if (same != null && same.sha256().equals(upload.sha256()) && same.bytes() == upload.bytes()) {
                ctx.json(same); // the very bytes already stored (SHA-256): nothing to validate or replace
                return;
            }
            UploadConverter.Converted converted = converter.toNifti(upload, kind, series);
            file = converted.file();
            VolumeSummary v;
            long voxels = voxels(file, kind);
            try (MemoryBudget.Reservation r = admission.reserve(voxels, 1, "the " + kind.uploadName() + " (" + voxels + " voxels)",
                MEMORY_WAIT)) {
                decoding.acquire();
                try {
                    v = inspector.inspect(file, kind);
                } finally {
                    decoding.release();
                }
            }
            store.storeVolume(id, kind, file.path(), v, current -> check(current, kind, v));
            // a 3D Slicer segmentation's names and colours describe the labels that have no description yet
            if (!converted.descriptions().entries().isEmpty()) descriptions.addMissing(id, converted.descriptions());
            ctx.json(v);
        } finally {
            Files.deleteIfExists(upload.path());
            Files.deleteIfExists(file.path());
        }
    }

    /** {@code ?series=N}, N ≥ 1, or null (400 otherwise). */
    private static Integer series(Context ctx) {
        String s = ctx.queryParam("series");
        if (s == null) return null;
        if (!s.matches("[1-9][0-9]{0,5}")) throw new ApiException(400, "series must be a series number from 1 (as listed), got '" + s + "'");
        return Integer.valueOf(s);
    }

    public void get(Context ctx, VolumeKind kind) throws IOException {
        String id = ctx.pathParam("id");
        VolumeSummary v = store.session(id).volume(kind);
        if (v == null) throw new ApiException(404, "session " + id + " has no " + kind.key() + " yet");
        Downloads.send(ctx, store.volumeFile(id, kind).orElseThrow(), v.fileName());
    }

    public void delete(Context ctx, VolumeKind kind) throws IOException {
        String id = ctx.pathParam("id");
        SessionRecord s = store.session(id);
        if (kind == VolumeKind.IMAGE && (s.labels() != null || s.hints() != null))
            throw new ApiException(409, "session " + id + " still has labels or hints on this image's grid; delete them first");
        store.deleteVolume(id, kind);
        ctx.status(204);
    }

    /** The voxels the upload's header declares (413 over the limit, 422 not a usable NIfTI header, named as the upload). */
    private long voxels(ReceivedFile file, VolumeKind kind) throws IOException {
        try {
            return admission.voxels(file.path(), "the " + kind.uploadName());
        } catch (NiftiFormatException e) {
            throw new NiftiFormatException(PathNames.name(e.getMessage(), Map.of(file.path(), kind.uploadName())), e);
        }
    }

    private static void check(SessionRecord current, VolumeKind kind, VolumeSummary v) {
        if (kind == VolumeKind.IMAGE) {
            for (VolumeKind k : new VolumeKind[] {VolumeKind.LABELS, VolumeKind.HINTS}) {
                VolumeSummary other = current.volume(k);
                String why = other == null ? null : v.grid().mismatch(other.grid(), "the stored " + k.key());
                if (why != null)
                    throw new ApiException(409, "the image upload is on another grid than the stored " + k.key() + " (" + why
                        + "); DELETE /api/sessions/" + current.id() + "/" + k.key() + " first");
            }
            return;
        }
        if (current.image() == null) throw noImage(current.id(), kind);
        String why = current.image().grid().mismatch(v.grid(), "the " + kind.uploadName());
        if (why != null) throw new ApiException(422, why);
    }

    private static ApiException noImage(String id, VolumeKind kind) {
        return new ApiException(409, "session " + id + " has no image yet: PUT /api/sessions/" + id + "/image before its " + kind.key());
    }
}
