// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which job published each result of a session and from which inputs: {@code results/.sources.json}, a map from result
 * file name to {@link Source}. The caller holds the session lock while writing.
 */
final class ResultSources {
    static final String FILE = ".sources.json";

    /**
     * @param job    id of the job that published the result
     * @param inputs the job's {@link InputSnapshot#fingerprints()}: SHA-256 per volume kind read, null = not uploaded
     */
    record Source(String job, Map<String, String> inputs) { }

    private ResultSources() { }

    /** Sources of the results in {@code resultsDir}; empty for results published before sources were kept. */
    static Map<String, Source> read(ObjectMapper json, Path resultsDir) throws IOException {
        Path f = resultsDir.resolve(FILE);
        if (!Files.isRegularFile(f)) return new TreeMap<>();
        return new TreeMap<>(json.readValue(f.toFile(), new TypeReference<Map<String, Source>>() { }));
    }

    /** Records that {@code job} published {@code fileNames} from {@code inputs} (atomically replacing the file). */
    static void record(ObjectMapper json, Path resultsDir, String job, List<String> fileNames, Map<String, String> inputs)
        throws IOException {
        Map<String, Source> all = read(json, resultsDir);
        for (String n : fileNames) all.put(n, new Source(job, inputs));
        AtomicFiles.writeJson(json, resultsDir.resolve(FILE), all);
    }

    /**
     * The volumes whose current upload differs from the one {@code source} was computed from, in {@link VolumeKind}
     * order (e.g. ["labels"]); empty when the result is current.
     */
    static List<String> changed(Source source, SessionRecord now) {
        List<String> out = new ArrayList<>();
        for (VolumeKind k : VolumeKind.values()) {
            if (!source.inputs().containsKey(k.key())) continue;
            String used = source.inputs().get(k.key());
            VolumeSummary v = now.volume(k);
            String current = v == null ? null : v.sha256();
            if (used == null ? current != null : !used.equals(current)) out.add(k.key());
        }
        return out;
    }
}
