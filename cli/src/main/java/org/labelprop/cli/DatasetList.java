// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a dataset list: one entry per line, blank lines and lines starting with # ignored; relative paths are resolved
 * against the list's folder. With {@code pairs}, each line is {@code image,labels}. An image may be a DICOM folder.
 */
final class DatasetList {
    private DatasetList() { }

    static List<Path[]> read(Path list, boolean pairs) throws IOException {
        List<Path[]> out = new ArrayList<>();
        Path base = list.toAbsolutePath().getParent();
        int n = 0;
        for (String raw : Files.readAllLines(list)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split(",", -1);
            if (parts.length != (pairs ? 2 : 1))
                throw new UserInputException(list + " line " + n + ": expected " + (pairs ? "'image,labels'" : "one image path")
                    + ", found '" + line + "'");
            Path[] p = new Path[parts.length];
            for (int i = 0; i < parts.length; i++) {
                p[i] = base.resolve(parts[i].strip());
                if (!Files.exists(p[i])) throw new UserInputException(list + " line " + n + ": file not found: " + p[i]);
            }
            out.add(p);
        }
        if (out.isEmpty()) throw new UserInputException(list + " lists no file");
        return out;
    }
}
