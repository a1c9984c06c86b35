// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming multipart parser, on bodies shaped as Python requests sends {@code files={...}}. */
class MultipartFormTest {
    static final String BOUNDARY = "8f3c0f2a1b7d4e6c9a5b3d1f0e2c4a6b";
    @TempDir Path tmp;

    /** A body as requests builds it: every part a file whose name is the field name, no part Content-Type. */
    static byte[] body(String boundary, Object... nameAndContent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            String name = (String) nameAndContent[i];
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) nameAndContent[i + 1]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static MultipartForm read(byte[] body, long max, Path tmp) throws Exception {
        return MultipartForm.read(new ByteArrayInputStream(body), "multipart/form-data; boundary=" + BOUNDARY, tmp, max);
    }

    @Test
    void binaryPartsLargerThanTheWindowArriveByteForByte() throws Exception {
        byte[] arrays = new byte[300_000];
        new Random(1).nextBytes(arrays);
        // near-misses of the delimiter inside the content
        byte[] trap = ("\r\n--" + BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(trap, 0, arrays, 65_530, trap.length);
        byte[] params = "{\"z_axis\": 2}".getBytes(StandardCharsets.UTF_8);
        try (MultipartForm f = read(body(BOUNDARY, "arrays", arrays, "params", params), 1 << 20, tmp)) {
            MultipartForm.Part a = f.part("arrays").orElseThrow();
            assertThat(a.fileName()).isEqualTo("arrays");
            assertThat(a.bytes()).isEqualTo(arrays.length);
            assertThat(Arrays.equals(Files.readAllBytes(a.file()), arrays)).isTrue();
            assertThat(new String(f.bytes("params", 100), StandardCharsets.UTF_8)).isEqualTo("{\"z_axis\": 2}");
        }
        try (var s = Files.list(tmp)) {
            assertThat(s.count()).as("temp files deleted on close").isZero();
        }
    }

    @Test
    void emptyPartsAndQuotedBoundariesWork() throws Exception {
        byte[] b = body("abc", "ckpt", new byte[0]);
        try (MultipartForm f = MultipartForm.read(new ByteArrayInputStream(b), "multipart/form-data; boundary=\"abc\"", tmp, 1000)) {
            assertThat(f.part("ckpt").orElseThrow().bytes()).isZero();
        }
    }

    @Test
    void tooLargeBodiesAre413AndLeaveNoFiles() throws Exception {
        byte[] b = body(BOUNDARY, "arrays", new byte[200_000]);
        assertThatThrownBy(() -> read(b, 100_000, tmp)).isInstanceOfSatisfying(CompatException.class,
            e -> assertThat(e.status()).isEqualTo(413));
        try (var s = Files.list(tmp)) {
            assertThat(s.count()).isZero();
        }
    }

    @Test
    void truncatedOrForeignBodiesAre400Or415() {
        byte[] b = body(BOUNDARY, "arrays", new byte[1000]);
        byte[] cut = Arrays.copyOf(b, 500);
        assertThatThrownBy(() -> read(cut, 100_000, tmp)).isInstanceOfSatisfying(CompatException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("ends inside part 'arrays'");
        });
        assertThatThrownBy(() -> MultipartForm.read(new ByteArrayInputStream(b), "application/json", tmp, 100_000))
            .isInstanceOfSatisfying(CompatException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> read("hello".getBytes(), 100_000, tmp)).hasMessageContaining("no part delimited by the boundary");
    }
}
