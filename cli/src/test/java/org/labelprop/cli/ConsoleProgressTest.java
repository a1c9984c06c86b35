// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.labelprop.progress.Stage;

class ConsoleProgressTest {
    @Test
    void plainLinesNameEachStageInWords() {
        StringWriter out = new StringWriter();
        try (ConsoleProgress p = new ConsoleProgress(new PrintWriter(out), false)) {
            p.update(Stage.FIELDS, 1, 1);
            p.update(Stage.SECOND_OPINION, 500, 1000);
            p.update(Stage.SECOND_OPINION, 1000, 1000);
        }
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(out.toString().lines()).element(0).asString().startsWith("fields: 100% (1/1)");
        assertThat(out.toString().lines().skip(1)).allSatisfy(l -> assertThat(l).startsWith("second opinion (optical flow): "));
    }
}
