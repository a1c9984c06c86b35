// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.labelprop.volume.SliceAxis;

/**
 * What a client asked a job to do. Only the fields a job type uses matter; unknown extra fields land in {@code options}.
 *
 * @param type       job type, e.g. "interpolate", "train", "propagate"
 * @param axis       propagation axis 0, 1 or 2 (array axis; default 2)
 * @param epochs     training epochs, null = the runner's default
 * @param checkpoint name of a stored checkpoint to start from / use, null = none
 * @param fusion     "auto", "ncc" or "distance", null = the runner's default (auto)
 * @param options    further runner-specific settings (e.g. {"method": "shape"})
 */
public record JobParams(String type, int axis, Integer epochs, String checkpoint, String fusion, Map<String, Object> options) {
    public static final Set<String> FUSIONS = Set.of("auto", "ncc", "distance");
    /** Checkpoint names: a letter or digit, then letters, digits, '.', '_' or '-'; at most 64 characters; no "..". */
    public static final Pattern CHECKPOINT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public JobParams {
        if (type == null || type.isBlank()) throw new IllegalArgumentException("job needs a \"type\", e.g. \"interpolate\"");
        if (axis < 0 || axis > 2) throw new IllegalArgumentException("\"axis\" must be 0, 1 or 2, got " + axis);
        if (epochs != null && (epochs < 1 || epochs > 100_000))
            throw new IllegalArgumentException("\"epochs\" must be within 1..100000, got " + epochs);
        if (fusion != null && !FUSIONS.contains(fusion))
            throw new IllegalArgumentException("\"fusion\" must be \"auto\", \"ncc\" or \"distance\", got \"" + fusion + "\"");
        if (checkpoint != null && !isValidCheckpointName(checkpoint))
            throw new IllegalArgumentException("\"checkpoint\" must match " + CHECKPOINT_NAME + " without \"..\", got \"" + checkpoint + "\"");
        options = options == null ? Map.of() : options.entrySet().stream().filter(e -> e.getValue() != null)
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public SliceAxis sliceAxis() { return SliceAxis.of(axis); }

    /** A string option, or {@code fallback} when absent. */
    public String option(String key, String fallback) {
        Object v = options.get(key);
        return v == null ? fallback : v.toString();
    }

    public static boolean isValidCheckpointName(String name) {
        return name != null && CHECKPOINT_NAME.matcher(name).matches() && !name.contains("..");
    }

    public static JobParams of(String type) { return new JobParams(type, 2, null, null, null, Map.of()); }
}
