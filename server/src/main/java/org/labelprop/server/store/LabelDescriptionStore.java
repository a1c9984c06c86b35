// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.labelprop.io.ItkSnapLabels;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.propagation.Hints;

/**
 * The label descriptions of each session (names, colours), kept on disk as an ITK-SNAP label description file
 * {@code sessions/<id>/label-descriptions.txt}, written atomically. What sessions show is {@link #completed}: the
 * stored descriptions plus "Label N" in its palette colour for every label value present in the annotations or hints
 * (the background hint {@value Hints#BACKGROUND} excluded) that has none, so no value is ever without a colour.
 */
public final class LabelDescriptionStore {
    private final Datastore store;

    public LabelDescriptionStore(Datastore store) { this.store = store; }

    /** The stored descriptions of session {@code id}; empty when none were set. */
    public LabelDescriptions stored(String id) throws IOException {
        Path f = store.labelDescriptionsFile(id);
        return Files.isRegularFile(f) ? ItkSnapLabels.read(f) : LabelDescriptions.empty();
    }

    /** The stored descriptions completed with defaults for every label value present in the session's volumes. */
    public LabelDescriptions completed(SessionRecord s) throws IOException {
        IntStream annotated = s.labels() == null ? IntStream.empty() : s.labels().labels().stream().mapToInt(Integer::intValue);
        IntStream hinted = s.hints() == null ? IntStream.empty()
            : s.hints().labels().stream().mapToInt(Integer::intValue).filter(v -> v != Hints.BACKGROUND);
        return stored(s.id()).completedFor(IntStream.concat(annotated, hinted).distinct().toArray());
    }

    /** Replaces the stored descriptions of session {@code id} (atomically: readers see the old file or the new one). */
    public synchronized void replace(String id, LabelDescriptions descriptions) throws IOException {
        ItkSnapLabels.write(store.labelDescriptionsFile(id), descriptions);
    }

    /** Adds the descriptions of the values that have none stored for session {@code id}; stored ones are kept. */
    public synchronized void addMissing(String id, LabelDescriptions more) throws IOException {
        LabelDescriptions stored = stored(id);
        LabelDescriptions merged = stored;
        for (LabelDescription d : more.entries()) if (stored.find(d.value()).isEmpty()) merged = merged.with(d);
        if (merged != stored) replace(id, merged);
    }
}
