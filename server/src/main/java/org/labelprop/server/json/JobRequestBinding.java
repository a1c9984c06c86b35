// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.labelprop.UserInputException;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;

/**
 * Binds a job body to its parts: the envelope fields ({@code type}, {@code saveAs}, {@code overwrite}) and every field of
 * {@link SegmentationRequest} at the top level, each group a nested object. What the body leaves out takes its value
 * from {@link SegmentationRequest#defaults()} (and {@link TrainingRequest#defaults()} for training options or a train
 * job), field by field, so the defaults live in one place. A field the request does not have is refused, naming it, so
 * a misspelt option never passes silently.
 */
public final class JobRequestBinding {
    /** The envelope fields; everything else belongs to the segmentation request. */
    public static final String[] ENVELOPE = {"type", "saveAs", "overwrite"};

    /** The parts of a body. */
    public record Parts(String type, SegmentationRequest segmentation, String saveAs, boolean overwrite) { }

    private JobRequestBinding() { }

    /**
     * @param trainType the job type whose requests train (they get default training options when the body has none)
     * @throws UserInputException for unknown fields or unusable values, naming the field
     */
    public static Parts bind(ObjectNode body, String trainType) {
        ObjectMapper json = Json.strict();
        ObjectNode given = body.deepCopy();
        String type = given.path("type").isTextual() ? given.path("type").asText() : null;
        String saveAs = given.hasNonNull("saveAs") ? text(given, "saveAs") : null;
        if (given.has("overwrite") && !given.get("overwrite").isBoolean())
            throw new UserInputException("overwrite", "\"overwrite\" must be true or false");
        boolean overwrite = given.path("overwrite").asBoolean(false);
        for (String k : ENVELOPE) given.remove(k);
        try {
            if (trainType.equals(type) && !given.has("training")) given.putObject("training");
            ObjectNode merged = json.valueToTree(SegmentationRequest.defaults());
            if (given.get("training") instanceof ObjectNode) merged.set("training", json.valueToTree(TrainingRequest.defaults()));
            merge(merged, given);
            return new Parts(type, json.treeToValue(merged, SegmentationRequest.class), saveAs, overwrite);
        } catch (UnrecognizedPropertyException e) {
            throw new UserInputException(path(e), "unknown field \"" + path(e) + "\" in the job; known fields here: "
                + e.getKnownPropertyIds() + " (see /openapi.yaml, JobRequest)");
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof UserInputException u) throw u;
            throw new UserInputException(path(e), "unusable value for \"" + path(e) + "\": " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw new UserInputException(path(e), "unusable value for \"" + path(e) + "\": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new UserInputException("unusable job: " + e.getOriginalMessage());
        }
    }

    /** Copies {@code given} into {@code base}, recursing into objects both have; null in {@code given} keeps the default. */
    private static void merge(ObjectNode base, ObjectNode given) {
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode b = base.get(e.getKey());
            if (e.getValue().isNull() && b != null && !b.isNull() && !e.getKey().equals("training")) continue;
            if (b instanceof ObjectNode bo && e.getValue() instanceof ObjectNode go) merge(bo, go);
            else base.set(e.getKey(), e.getValue());
        }
    }

    private static String text(ObjectNode n, String key) {
        if (!n.get(key).isTextual()) throw new UserInputException(key, "\"" + key + "\" must be a string");
        return n.get(key).asText();
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() == null) continue;
            if (b.length() > 0) b.append('.');
            b.append(ref.getFieldName());
        }
        return b.length() == 0 ? "(body)" : b.toString();
    }
}
