// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import java.time.Instant;
import java.util.List;
import org.labelprop.server.jobs.JobStatus;
import org.labelprop.server.store.SessionRecord;
import org.labelprop.server.store.VolumeSummary;

/**
 * A session as {@code GET /api/sessions/{id}} shows it. Shape, spacing, axis codes and affine are the image's (null
 * before an image is uploaded); {@code labels} are the label values present in the annotations. {@code results} are the
 * published results computed from the current uploads (GET answers 200); {@code staleResults} those computed from an
 * upload replaced or deleted since (GET answers 409). {@code labelDescriptions}: the session's label names and colours,
 * one for every label value present in the annotations and hints at least.
 */
public record SessionView(String id, String name, Instant createdAt, List<Integer> shape, List<Double> spacingMm,
                          String axisCodes, List<Double> affine, List<Integer> labels, VolumeSummary image,
                          VolumeSummary annotations, VolumeSummary hints, List<JobStatus> jobs, List<String> results,
                          List<String> staleResults, List<LabelDescriptionView> labelDescriptions) {
    public static SessionView of(SessionRecord s, List<JobStatus> jobs, List<String> results, List<String> staleResults,
                                 List<LabelDescriptionView> labelDescriptions) {
        VolumeSummary img = s.image();
        return new SessionView(s.id(), s.name(), s.createdAt(), img == null ? null : img.shape(),
            img == null ? null : img.spacingMm(), img == null ? null : img.axisCodes(), img == null ? null : img.affine(),
            s.labels() == null ? List.of() : s.labels().labels(), img, s.labels(), s.hints(), jobs, results, staleResults,
            labelDescriptions);
    }
}
