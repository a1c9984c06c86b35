// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labelprop.nn.network.NetworkConfig;

/** The "key=value" header of the checkpoint format (see {@link CheckpointStore}). */
final class CheckpointHeader {
    private CheckpointHeader() { }

    static String format(Checkpoint c) {
        NetworkConfig n = c.network();
        TrainingInfo t = c.training();
        StringBuilder b = new StringBuilder();
        b.append("channels=").append(String.join(",", n.channels().stream().map(String::valueOf).toList())).append('\n');
        b.append("integrationSteps=").append(n.integrationSteps()).append('\n');
        b.append("seed=").append(n.seed()).append('\n');
        b.append("preset=").append(t.preset()).append('\n');
        b.append("steps=").append(t.steps()).append('\n');
        b.append("seconds=").append(t.seconds()).append('\n');
        b.append("finalLoss=").append(t.finalLoss()).append('\n');
        b.append("sliceHeight=").append(t.sliceHeight()).append('\n');
        b.append("sliceWidth=").append(t.sliceWidth()).append('\n');
        b.append("axis=").append(t.axis()).append('\n');
        return b.toString();
    }

    static Map<String, String> parse(String text, String where) throws CheckpointFormatException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            int eq = line.indexOf('=');
            if (eq < 1) throw new CheckpointFormatException(where + ": header line '" + line + "' is not key=value");
            m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }

    static NetworkConfig network(Map<String, String> m, String where) throws CheckpointFormatException {
        List<Integer> ch = new ArrayList<>();
        for (String s : get(m, "channels", where).split(",")) ch.add(Integer.parseInt(s.trim()));
        return new NetworkConfig(ch, Integer.parseInt(get(m, "integrationSteps", where)), Long.parseLong(get(m, "seed", where)));
    }

    static TrainingInfo training(Map<String, String> m, String where) throws CheckpointFormatException {
        return new TrainingInfo(get(m, "preset", where), Integer.parseInt(get(m, "steps", where)),
            Double.parseDouble(get(m, "seconds", where)), Double.parseDouble(get(m, "finalLoss", where)),
            Integer.parseInt(get(m, "sliceHeight", where)), Integer.parseInt(get(m, "sliceWidth", where)), get(m, "axis", where));
    }

    private static String get(Map<String, String> m, String key, String where) throws CheckpointFormatException {
        String v = m.get(key);
        if (v == null) throw new CheckpointFormatException(where + ": header lacks key '" + key + "'");
        return v;
    }
}
