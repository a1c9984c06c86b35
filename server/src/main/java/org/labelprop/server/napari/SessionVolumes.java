// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.labelprop.io.Nifti;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.VolumeKind;
import org.labelprop.server.store.VolumeSummary;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/** Puts the volumes of a plugin request into the job's session as NIfTI, exactly as uploads through the REST API land. */
final class SessionVolumes {
    private SessionVolumes() { }

    /** Stores the image in the session and keeps a copy in the cache under its md5. */
    static void storeImage(Datastore store, String session, Volume image, ImageCache cache, String md5) throws IOException {
        Path f = store.newTempFile(".nii.gz");
        try {
            Nifti.writeVolume(f, image);
            cache.put(md5, f);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(f);
            throw e;
        }
        store(store, session, VolumeKind.IMAGE, f, image.grid(), new int[0]);
    }

    /** Stores a copy of an image file already written (the cached one). */
    static void storeImageFile(Datastore store, String session, Path nifti) throws IOException {
        Path f = store.newTempFile(".nii.gz");
        Files.copy(nifti, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        store(store, session, VolumeKind.IMAGE, f, Nifti.grid(Nifti.readHeader(f)), new int[0]);
    }

    static void storeLabels(Datastore store, String session, VolumeKind kind, LabelVolume labels) throws IOException {
        Path f = store.newTempFile(".nii.gz");
        Nifti.writeLabels(f, labels);
        store(store, session, kind, f, labels.grid(), labels.labels());
    }

    private static void store(Datastore store, String session, VolumeKind kind, Path file, Grid grid, int[] labels) throws IOException {
        try {
            var s = grid.spacing();
            VolumeSummary v = new VolumeSummary(kind.fileName(true), Files.size(file), sha256(file),
                List.of(grid.shape().nx(), grid.shape().ny(), grid.shape().nz()), List.of(s.xMm(), s.yMm(), s.zMm()),
                grid.axisCodes(), Arrays.stream(grid.affine().toArray()).boxed().toList(), Arrays.stream(labels).boxed().toList());
            store.storeVolume(session, kind, file, v, current -> { });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
