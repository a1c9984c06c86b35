// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.labelprop.server.store.AtomicFiles;
import org.labelprop.server.store.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Job records as {@code <dir>/<id>.json}, each written atomically. */
final class JobStore {
    private static final Logger LOG = LoggerFactory.getLogger(JobStore.class);
    private final Path dir;
    private final ObjectMapper json;

    JobStore(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json;
    }

    void save(JobRecord r) {
        try {
            AtomicFiles.writeJson(json, dir.resolve(r.id() + ".json"), r);
        } catch (IOException e) {
            // the job itself goes on; the record on disk lags until the next change
            LOG.error("cannot write job record {}: {}", r.id(), e.toString());
        }
    }

    /** Every readable record; unreadable ones are logged and skipped. */
    List<JobRecord> loadAll() throws IOException {
        List<JobRecord> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".json") || !Ids.isValid(name.substring(0, name.length() - 5))) continue;
                try {
                    out.add(json.readValue(f.toFile(), JobRecord.class));
                } catch (IOException e) {
                    LOG.warn("skipping unreadable job record {}: {}", f, e.getMessage());
                }
            }
        }
        return out;
    }
}
