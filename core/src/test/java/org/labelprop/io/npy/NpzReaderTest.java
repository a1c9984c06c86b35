// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads .npz archives written by NumPy: every dtype, both byte orders, both memory orders, ZIP64 local headers. */
class NpzReaderTest {
    @TempDir Path dir;

    @Test
    void readsEveryDtypeInBothByteOrdersAndBothMemoryOrders() throws IOException {
        try (NpzReader npz = NpzReader.open(Fixtures.copy("dtypes.npz", dir), "dtypes.npz")) {
            assertThat(npz.names()).hasSize(2 * (3 + 2 * 8)); // 3 one-byte types, 8 with both byte orders; C and F each
            for (String name : npz.names()) {
                String code = name.substring(0, 2);
                NpyHeader h = npz.header(name);
                assertThat(h.dtype().code()).isEqualTo(code);
                assertThat(h.fortranOrder()).as(name).isEqualTo(name.endsWith("_f"));
                for (NpyOrder order : NpyOrder.values()) {
                    float[] f = npz.floats(name, order, 24);
                    int[] i = npz.ints(name, order, 24);
                    for (int k = 0; k < 24; k++) {
                        double want = Fixtures.expected(code, Fixtures.cPosition(k, order));
                        assertThat((double) f[k]).as(name + " " + order + " float " + k).isEqualTo(want);
                        assertThat((double) i[k]).as(name + " " + order + " int " + k).isEqualTo(want);
                    }
                }
            }
        }
    }

    @Test
    void readsWhatThePluginUploads() throws IOException {
        try (NpzReader npz = NpzReader.open(Fixtures.copy("plugin.npz", dir), "the 'arrays' upload")) {
            assertThat(npz.names()).containsExactly("img", "mask", "hints");
            assertThat(npz.header("img").fortranOrder()).isTrue();
            assertThat(npz.header("img").shape()).containsExactly(5, 4, 3);
            float[] img = npz.floats("img", NpyOrder.FORTRAN, 60);
            // img[i, j, k] = (12 i + 3 j + k) / 7, first axis fastest
            assertThat(img[1 + 5 * (2 + 4 * 1)]).isEqualTo((12 + 6 + 1) / 7f);
            int[] mask = npz.ints("mask", NpyOrder.FORTRAN, 60);
            assertThat(mask[1 + 5 * (1 + 4 * 0)]).isEqualTo(1);
            assertThat(mask[4 + 5 * (3 + 4 * 2)]).isEqualTo(2);
            assertThat(npz.ints("hints", NpyOrder.C, 60)[1]).isEqualTo(255);
        }
    }

    @Test
    void missingArrayNamesWhatIsThere() throws IOException {
        try (NpzReader npz = NpzReader.open(Fixtures.copy("plugin.npz", dir), "the 'arrays' upload")) {
            assertThatThrownBy(() -> npz.floats("Y_up", NpyOrder.C, 10)).isInstanceOf(NpyFormatException.class)
                .hasMessageContaining("the 'arrays' upload has no array 'Y_up'; it holds [img, mask, hints]");
            assertThatThrownBy(() -> npz.floats("img", NpyOrder.C, 10)).hasMessageContaining("array 'img' of the 'arrays' upload: ")
                .hasMessageContaining("at most 10");
        }
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws IOException {
        Path f = Files.write(dir.resolve("x.npz"), "not a zip at all".getBytes());
        assertThatThrownBy(() -> NpzReader.open(f, "the upload")).isInstanceOf(NpyFormatException.class)
            .hasMessageContaining("the upload is not a NumPy .npz archive");
    }
}
