// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import org.labelprop.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code params} JSON of {@code /inference} or {@code /training}, read the way the original server reads it and mapped
 * to this server's method. Unknown keys are ignored. {@code notes} are log lines about settings that do not apply here.
 *
 * @param training   true for {@code /training} (train on the scan, save, then propagate)
 * @param axis       {@code z_axis}: the NumPy axis of the uploaded arrays to propagate along (default 2, as the original)
 * @param fusion     {@code criteria}: "ncc" (the plugin's default) or "distance"
 * @param checkpoint inference: the checkpoint to use; training: the starting weights (null = the shipped ones)
 * @param epochs     training: {@code max_epochs}, null = this server's default
 * @param saveAs     training: the checkpoint written, always {@code <name>.ckpt}
 * @param pretraining training: ignore the annotations while training (unsupervised), as the original's flag
 * @param hash       md5 of a cached image sent instead of {@code img}, or null
 * @param trainSeconds  extension key {@code time_budget}: training wall-time budget in s, null = this server's default
 * @param refineSeconds extension key {@code refine_seconds}: refinement budget at inference in s, null = the default
 */
record PluginRequest(boolean training, int axis, String fusion, String checkpoint, Integer epochs, String saveAs,
                     boolean pretraining, String hash, Double trainSeconds, Double refineSeconds, List<String> notes) {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern CHECKPOINT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    static PluginRequest inference(Map<String, Object> p) {
        String ckpt = text(p, "checkpoint");
        if (ckpt.isEmpty())
            throw new UserInputException("no checkpoint chosen: pick one in the Checkpoint list (train one first with the"
                + " Training widget; it is saved on the server as NAME.ckpt)");
        List<String> notes = notes(p);
        return new PluginRequest(false, axis(p), fusion(p), checkpointName(ckpt, "checkpoint"), null, null, false, hash(p), null,
            seconds(p, "refine_seconds", true), notes);
    }

    static PluginRequest training(Map<String, Object> p, String token) {
        String pretrained = text(p, "pretrained_ckpt");
        Integer epochs = null;
        Object e = p.get("max_epochs");
        if (e != null) {
            if (!(e instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.doubleValue() < 1 || n.doubleValue() > 100_000)
                throw new UserInputException("max_epochs must be a whole number within 1..100000, got " + e);
            epochs = n.intValue();
        }
        Object pre = p.getOrDefault("pretraining", false);
        if (!(pre instanceof Boolean pretraining)) throw new UserInputException("pretraining must be true or false, got " + pre);
        List<String> notes = notes(p);
        if (p.get("shape") != null)
            notes.add("shape " + p.get("shape") + " ignored: this server keeps each slice's size and aspect ratio");
        return new PluginRequest(true, axis(p), fusion(p), pretrained.isEmpty() ? null : checkpointName(pretrained, "pretrained_ckpt"),
            epochs, saveAs(text(p, "name"), token), pretraining, hash(p), seconds(p, "time_budget", false),
            seconds(p, "refine_seconds", true), notes);
    }

    /** {@code <name>.ckpt} made safe: folders dropped, other characters than letters, digits, '.', '_', '-' replaced. */
    static String saveAs(String name, String token) {
        String base = baseName(name).replaceAll("(?i)\\.ckpt$", "").replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("\\.{2,}", ".")
            .replaceAll("^[^A-Za-z0-9]+", "");
        if (base.isEmpty()) base = "napari-" + token.substring(0, 8); // never the original's hidden ".ckpt"
        return (base.length() > 59 ? base.substring(0, 59) : base) + ".ckpt";
    }

    private static String checkpointName(String given, String key) {
        String n = baseName(given);
        if (!CHECKPOINT.matcher(n).matches() || n.contains(".."))
            throw new UserInputException(key + " '" + given + "' is not a checkpoint name of this server (letters, digits, '.', '_', '-');"
                + " /list_ckpts lists them");
        return n;
    }

    private static String baseName(String s) { return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1).strip(); }

    private static int axis(Map<String, Object> p) {
        Object v = p.getOrDefault("z_axis", 2);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= -3 && n.intValue() <= 2)
            return Math.floorMod(n.intValue(), 3);
        throw new UserInputException("z_axis must be 0, 1 or 2 (an axis of the uploaded arrays), got " + v);
    }

    private static String fusion(Map<String, Object> p) {
        String c = text(p, "criteria").toLowerCase(Locale.ROOT);
        if (c.isEmpty() || c.equals("ncc")) return "ncc";
        if (c.equals("distance")) return "distance";
        throw new UserInputException("criteria must be 'ncc' or 'distance', got '" + p.get("criteria") + "'");
    }

    private static Double seconds(Map<String, Object> p, String key, boolean zeroAllowed) {
        Object v = p.get(key);
        if (v == null) return null;
        if (v instanceof Number n && (zeroAllowed ? n.doubleValue() >= 0 : n.doubleValue() > 0) && n.doubleValue() <= 86_400)
            return n.doubleValue();
        throw new UserInputException(key + " must be a number of seconds within " + (zeroAllowed ? "0" : "(0") + "..86400, got " + v);
    }

    private static String hash(Map<String, Object> p) {
        Object h = p.get("hash");
        if (h == null) return null;
        if (!(h instanceof String s) || !MD5.matcher(s).matches())
            throw new UserInputException("hash must be 32 lower-case hex digits (the md5 /list_hash lists), got " + h);
        return s;
    }

    private static List<String> notes(Map<String, Object> p) {
        List<String> notes = new ArrayList<>();
        String device = text(p, "device");
        if (!device.isEmpty() && !device.equalsIgnoreCase("cpu")) notes.add("device '" + device + "' requested: this server computes on the CPU");
        String reduction = text(p, "reduction");
        if (!reduction.isEmpty() && !reduction.equals("none"))
            notes.add("reduction '" + reduction + "' ignored: this server weighs the two directions by local NCC or distance");
        return notes;
    }

    private static String text(Map<String, Object> p, String key) {
        Object v = p.get(key);
        if (v == null) return "";
        if (!(v instanceof String s)) throw new UserInputException(key + " must be a string, got " + v);
        return s.strip();
    }
}
