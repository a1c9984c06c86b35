// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client messages name uploads and keep at most a file name of anything inside the data directory. */
class PathNamesTest {
    private final Path root = Path.of("/srv/labelprop/data");

    @Test
    void namedPathsBecomeTheirNamesAndOtherPathsInTheDataDirectoryTheirFileName() {
        Path input = root.resolve("sessions/ab/work/cd/input-labels.nii.gz");
        String msg = input + ": file ends after 10 of 20 data bytes; see " + root.resolve("tmp/upload-1.nii") + ", and " + root;
        String out = PathNames.hide(PathNames.name(msg, Map.of(input, "the session's labels")), root);
        assertThat(out).isEqualTo("the session's labels: file ends after 10 of 20 data bytes; see upload-1.nii, and the data directory");
    }

    @Test
    void pathsOutsideTheDataDirectoryAndPlainTextAreLeftAlone() {
        String msg = "expected /etc/x.nii (e.g. labels upload) but found /srv/labelprop/database/y.nii";
        assertThat(PathNames.hide(msg, root)).isEqualTo(msg);
        assertThat(PathNames.hide(null, root)).isNull();
    }
}
