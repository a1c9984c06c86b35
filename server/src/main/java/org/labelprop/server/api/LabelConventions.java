// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelprop.labels.LabelPalette;
import org.labelprop.propagation.Hints;
import org.labelprop.propagation.LabelCoverage;

/**
 * {@code GET /api/label-conventions}: what every front end shows the same way, from core's one definition of each:
 * the default label colours ({@link LabelPalette}: label N gets entry (N - 1) mod size), the hint value meaning
 * "background here" ({@link Hints#BACKGROUND}) and what each label coverage means ({@link LabelCoverage}).
 *
 * @param palette        default colours, [red, green, blue] 0..255 each
 * @param backgroundHint the hint value for "background here"
 * @param coverage       coverage key ("range", "single-slice", "hint-only") → what it means for the user
 */
public record LabelConventions(List<List<Integer>> palette, int backgroundHint, Map<String, String> coverage) {
    public static LabelConventions current() {
        List<List<Integer>> palette = new ArrayList<>();
        for (int v = 1; v <= LabelPalette.size(); v++) {
            int[] c = LabelPalette.colour(v);
            palette.add(List.of(c[0], c[1], c[2]));
        }
        Map<String, String> coverage = new LinkedHashMap<>();
        for (LabelCoverage c : LabelCoverage.values()) coverage.put(c.key(), c.description());
        return new LabelConventions(List.copyOf(palette), Hints.BACKGROUND, coverage);
    }
}
