// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.labelprop.server.store.AtomicFiles;
import org.labelprop.server.store.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link CompatRecord}s, in memory for fast listing and on disk ({@code <dir>/<token>.json}) across restarts. */
final class CompatRecords {
    private static final Logger LOG = LoggerFactory.getLogger(CompatRecords.class);
    private final Path dir;
    private final ObjectMapper json;
    private final Map<String, CompatRecord> byToken = new ConcurrentHashMap<>();

    CompatRecords(Path dir, ObjectMapper json) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.json = json;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".json") || !Ids.isValid(n.substring(0, n.length() - 5))) continue;
                try {
                    CompatRecord r = json.readValue(f.toFile(), CompatRecord.class);
                    byToken.put(r.token(), r);
                } catch (IOException e) {
                    LOG.warn("skipping unreadable napari request record {}: {}", f.getFileName(), e.getMessage());
                }
            }
        }
    }

    void save(CompatRecord r) throws IOException {
        AtomicFiles.writeJson(json, dir.resolve(r.token() + ".json"), r);
        byToken.put(r.token(), r);
    }

    Optional<CompatRecord> find(String token) { return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token)); }

    /** Every record, oldest first. */
    List<CompatRecord> all() {
        return byToken.values().stream().sorted(Comparator.comparing(CompatRecord::createdAt).thenComparing(CompatRecord::token)).toList();
    }
}
