// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One annotation session as stored in {@code sessions/<id>/session.json}: a scan plus its annotations; null volumes are
 * not uploaded yet.
 */
public record SessionRecord(String id, String name, Instant createdAt, VolumeSummary image, VolumeSummary labels,
                            VolumeSummary hints) {
    public SessionRecord {
        if (!Ids.isValid(id)) throw new IllegalArgumentException("invalid session id '" + id + "'");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public VolumeSummary volume(VolumeKind kind) {
        return switch (kind) { case IMAGE -> image; case LABELS -> labels; case HINTS -> hints; };
    }

    public SessionRecord with(VolumeKind kind, VolumeSummary v) {
        return switch (kind) {
            case IMAGE -> new SessionRecord(id, name, createdAt, v, labels, hints);
            case LABELS -> new SessionRecord(id, name, createdAt, image, v, hints);
            case HINTS -> new SessionRecord(id, name, createdAt, image, labels, v);
        };
    }
}
