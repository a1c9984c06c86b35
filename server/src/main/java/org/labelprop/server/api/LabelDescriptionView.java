// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import java.util.List;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;

/**
 * A label description as the API shows it: {@code {"value": 3, "name": "Putamen L", "colour": [0, 130, 200],
 * "opacity": 1, "visible": true}} (colour components 0..255, opacity 0..1).
 */
public record LabelDescriptionView(int value, String name, List<Integer> colour, double opacity, boolean visible) {
    public static LabelDescriptionView of(LabelDescription d) {
        return new LabelDescriptionView(d.value(), d.name(), List.of(d.red(), d.green(), d.blue()), d.opacity(), d.visible());
    }

    public static List<LabelDescriptionView> of(LabelDescriptions d) {
        return d.entries().stream().map(LabelDescriptionView::of).toList();
    }
}
