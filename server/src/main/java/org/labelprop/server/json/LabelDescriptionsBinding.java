// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.labelprop.UserInputException;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.labels.LabelPalette;
import org.labelprop.volume.LabelVolume;

/**
 * Binds {@code {"labels": [{"value": 3, "name": "Putamen L", "colour": [0, 130, 200], "opacity": 1, "visible": true}]}}
 * to {@link LabelDescriptions}. Only {@code value} is required: a missing name is "Label N", a missing colour the
 * palette's ({@link LabelPalette}), opacity 1, visible. Unknown fields and unusable values are refused, naming the
 * entry and field (e.g. {@code labels[2].colour}).
 */
public final class LabelDescriptionsBinding {
    private static final Set<String> FIELDS = Set.of("value", "name", "colour", "opacity", "visible");

    private LabelDescriptionsBinding() { }

    /** @throws UserInputException naming the field at fault */
    public static LabelDescriptions bind(ObjectNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("labels")) throw new UserInputException(f, "unknown field \"" + f + "\"; expected {\"labels\": [...]}");
        }
        JsonNode list = body.get("labels");
        if (list == null || !list.isArray())
            throw new UserInputException("labels", "\"labels\" must be a list of label descriptions, e.g. [{\"value\": 1, \"name\": \"Liver\"}]");
        List<LabelDescription> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(entry(list.get(i), "labels[" + i + "]"));
        try {
            return new LabelDescriptions(out);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("labels", e.getMessage());
        }
    }

    private static LabelDescription entry(JsonNode n, String where) {
        if (!(n instanceof ObjectNode o)) throw new UserInputException(where, where + " must be an object with at least \"value\"");
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f))
                throw new UserInputException(where + "." + f, "unknown field \"" + f + "\" in " + where + "; known fields: " + FIELDS);
        }
        JsonNode v = o.get("value");
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > LabelVolume.MAX_LABEL)
            throw new UserInputException(where + ".value", where + ".value must be a label value from 1 to " + LabelVolume.MAX_LABEL
                + ", got " + v);
        int value = v.asInt();
        LabelDescription d = LabelDescription.byDefault(value);
        String name = d.name();
        if (o.hasNonNull("name")) {
            if (!o.get("name").isTextual()) throw new UserInputException(where + ".name", where + ".name must be a string, got " + o.get("name"));
            name = o.get("name").asText().strip();
            if (name.isEmpty()) name = d.name();
            if (name.length() > 200) throw new UserInputException(where + ".name", where + ".name must be at most 200 characters");
        }
        int[] rgb = o.hasNonNull("colour") ? colour(o.get("colour"), where + ".colour") : d.rgb();
        double opacity = 1;
        if (o.hasNonNull("opacity")) {
            if (!o.get("opacity").isNumber()) throw new UserInputException(where + ".opacity", where + ".opacity must be a number from 0 to 1");
            opacity = o.get("opacity").asDouble();
        }
        boolean visible = true;
        if (o.hasNonNull("visible")) {
            if (!o.get("visible").isBoolean()) throw new UserInputException(where + ".visible", where + ".visible must be true or false");
            visible = o.get("visible").asBoolean();
        }
        try {
            return new LabelDescription(value, name, rgb[0], rgb[1], rgb[2], opacity, visible);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(where, where + ": " + e.getMessage());
        }
    }

    private static int[] colour(JsonNode c, String where) {
        boolean ok = c.isArray() && c.size() == 3;
        for (int i = 0; ok && i < 3; i++) ok = c.get(i).isIntegralNumber() && c.get(i).asInt() >= 0 && c.get(i).asInt() <= 255;
        if (!ok) throw new UserInputException(where, where + " must be [red, green, blue] with each from 0 to 255, got " + c);
        return new int[] {c.get(0).asInt(), c.get(1).asInt(), c.get(2).asInt()};
    }
}
