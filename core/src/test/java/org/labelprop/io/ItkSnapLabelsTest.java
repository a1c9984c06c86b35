// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelDescriptions;

/** ITK-SNAP label description files: the layout ITK-SNAP writes, read back exactly; bad lines named with what was expected. */
class ItkSnapLabelsTest {
    @TempDir Path dir;

    static LabelDescriptions liverAndSpleen() {
        return new LabelDescriptions(List.of(new LabelDescription(2, "Spleen \"left\"", 200, 60, 40, 0.5, false),
            new LabelDescription(1, "Liver", 255, 0, 0, 1, true)));
    }

    @Test
    void writesItkSnapLayoutAndReadsItBack() throws Exception {
        Path file = dir.resolve("labels.txt");
        ItkSnapLabels.write(file, liverAndSpleen());
        List<String> lines = Files.readAllLines(file);
        assertEquals("# ITK-SnAP Label Description File", lines.get(1));
        assertEquals("    0     0    0    0        0  0  0    \"Clear Label\"", lines.get(14));
        assertEquals("    1   255    0    0        1  1  1    \"Liver\"", lines.get(15));
        assertEquals("    2   200   60   40      0.5  0  0    \"Spleen \"left\"\"", lines.get(16));
        assertEquals(liverAndSpleen(), ItkSnapLabels.read(file));
    }

    @Test
    void readsFilesAsItkSnapWritesThem() throws Exception {
        Path file = Files.writeString(dir.resolve("snap.txt"), """
            ################################################
            # ITK-SnAP Label Description File
            ################################################
                0     0    0    0        0  0  0    "Clear Label"
                1   255    0    0        1  1  1    "Label 1"
               12     0  255  128     0.75  1  0    "White matter (left)"
            """.replace("\n", "\r\n"));
        LabelDescriptions d = ItkSnapLabels.read(file);
        assertEquals(2, d.entries().size());
        assertEquals(new LabelDescription(12, "White matter (left)", 0, 255, 128, 0.75, true), d.describe(12));
    }

    @Test
    void badLinesAreNamed() throws Exception {
        assertMessage("1 255 0 0 1 1 1 Liver", "line 1: expected IDX R G B A VIS MSH \"LABEL\"", "found \"1 255 0 0 1 1 1 Liver\"");
        assertMessage("1 256 0 0 1 1 1 \"Liver\"", "line 1", "R has 256, expected a whole number from 0 to 255");
        assertMessage("1 255 0 0 1.5 1 1 \"Liver\"", "A is 1.5, expected an opacity from 0 to 1");
        assertMessage("70000 1 2 3 1 1 1 \"x\"", "IDX has 70000");
        assertMessage("1 1 2 3 1 1 1 \"a\"\n1 1 2 3 1 1 1 \"b\"", "line 2: label 1 is described twice");
    }

    private void assertMessage(String content, String... parts) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.txt"), content);
        String m = assertThrows(VolumeFormatException.class, () -> ItkSnapLabels.read(file)).getMessage();
        for (String p : parts) assertTrue(m.contains(p), "\"" + m + "\" should contain \"" + p + "\"");
        assertTrue(m.lines().count() == 1, m);
    }
}
