// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reads single .npy files written by NumPy (format versions, conversions, refusals). */
class NpyReaderTest {
    @Test
    void readsFormatVersionsOneTwoAndThree() throws IOException {
        for (String f : new String[] {"v1.npy", "v2.npy", "v3.npy"}) {
            try (InputStream in = Fixtures.stream(f)) {
                float[] v = NpyReader.readFloats(in, NpyOrder.C, 1000);
                assertThat(v).hasSize(24);
                for (int c = 0; c < 24; c++) assertThat(v[c]).as(f + " at " + c).isEqualTo(c - 5f);
            }
        }
    }

    @Test
    void headerDescribesTypeOrderAndShape() throws IOException {
        try (InputStream in = Fixtures.stream("v2.npy")) {
            NpyHeader h = NpyHeader.read(in);
            assertThat(h.dtype()).isEqualTo(NpyDType.FLOAT32);
            assertThat(h.byteOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            assertThat(h.fortranOrder()).isFalse();
            assertThat(h.shape()).containsExactly(2, 3, 4);
            assertThat(h.describe()).isEqualTo("float32 (2, 3, 4) C order, little-endian");
        }
    }

    @Test
    void valuesBeyondIntAreFloatsButNotInts() throws IOException {
        try (InputStream in = Fixtures.stream("u4_big.npy")) {
            assertThat(NpyReader.readFloats(in, NpyOrder.C, 10)).containsExactly(1f, 4e9f);
        }
        try (InputStream in = Fixtures.stream("u8_huge.npy")) {
            assertThat(NpyReader.readFloats(in, NpyOrder.C, 10)[1]).isEqualTo(0x1p63f);
        }
        for (String f : new String[] {"u4_big.npy", "u8_huge.npy", "f4_fraction.npy"}) {
            try (InputStream in = Fixtures.stream(f)) {
                NpyHeader h = NpyHeader.read(in);
                assertThatThrownBy(() -> NpyReader.ints(in, h, NpyOrder.C, 10)).as(f).isInstanceOf(NpyFormatException.class)
                    .hasMessageContaining("expected whole numbers within the 32-bit integer range").hasMessageContaining("at element 1");
            }
        }
    }

    @Test
    void aScalarIsOneElement() throws IOException {
        try (InputStream in = Fixtures.stream("scalar.npy")) {
            assertThat(NpyReader.readFloats(in, NpyOrder.FORTRAN, 1)).containsExactly(3.5f);
        }
    }

    @Test
    void structuredAndComplexTypesAreRefusedByName() {
        assertThatThrownBy(() -> NpyHeader.read(Fixtures.stream("structured.npy"))).isInstanceOf(NpyFormatException.class)
            .hasMessageContaining("unsupported .npy dtype");
        assertThatThrownBy(() -> NpyHeader.read(Fixtures.stream("complex.npy"))).isInstanceOf(NpyFormatException.class)
            .hasMessageContaining("'<c8'");
    }

    @Test
    void sizeIsCheckedAgainstTheLimitBeforeAllocating() throws IOException {
        byte[] huge = new NpyHeader(NpyDType.FLOAT64, ByteOrder.LITTLE_ENDIAN, false, new long[] {100_000, 100_000, 100_000}).encode();
        assertThatThrownBy(() -> NpyReader.readFloats(new ByteArrayInputStream(huge), NpyOrder.C, 1L << 30))
            .isInstanceOf(NpyFormatException.class).hasMessageContaining("1000000000000000 elements; at most 1073741824");
        try (InputStream in = Fixtures.stream("v1.npy")) {
            assertThatThrownBy(() -> NpyReader.readFloats(in, NpyOrder.C, 23)).hasMessageContaining("at most 23");
        }
    }

    @Test
    void truncatedDataSaysHowMuchWasMissing() throws IOException {
        byte[] whole;
        try (InputStream in = Fixtures.stream("v1.npy")) { whole = in.readAllBytes(); }
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);
        assertThatThrownBy(() -> NpyReader.readFloats(new ByteArrayInputStream(cut), NpyOrder.C, 100))
            .isInstanceOf(NpyFormatException.class).hasMessageContaining("truncated: expected 96 bytes of data, found 86");
    }

    @Test
    void garbageIsNotAnArray() {
        assertThatThrownBy(() -> NpyHeader.read(new ByteArrayInputStream("PK\3\4 hello".getBytes())))
            .isInstanceOf(NpyFormatException.class).hasMessageContaining("expected the magic bytes \\x93NUMPY, found 'PK\\x03\\x04 hel'");
        assertThatThrownBy(() -> NpyHeader.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3 }"))
            .isInstanceOf(NpyFormatException.class).hasMessageContaining("expected ',' or ')'");
    }

    @Test
    void parsesOldPythonTwoHeaders() throws IOException {
        NpyHeader h = NpyHeader.parse("{'descr': '>i8', 'fortran_order': True, 'shape': (3L, 4L), }");
        assertThat(h).isEqualTo(new NpyHeader(NpyDType.INT64, ByteOrder.BIG_ENDIAN, true, new long[] {3, 4}));
    }

    @Test
    void encodedHeaderReadsBackAndIsAlignedTo64Bytes() throws IOException {
        NpyHeader h = new NpyHeader(NpyDType.UINT8, ByteOrder.LITTLE_ENDIAN, false, new long[] {7});
        byte[] b = h.encode();
        assertThat(b.length % 64).isZero();
        assertThat(new String(b, 10, b.length - 10)).startsWith("{'descr': '|u1', 'fortran_order': False, 'shape': (7,), }").endsWith("\n");
        assertThat(NpyHeader.read(new ByteArrayInputStream(b))).isEqualTo(h);
    }
}
