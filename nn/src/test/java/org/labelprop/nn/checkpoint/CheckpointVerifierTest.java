// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming check accepts exactly what {@link CheckpointStore#read} accepts, without holding the file in memory. */
class CheckpointVerifierTest {
    @TempDir Path dir;

    @Test
    void shippedCheckpointPasses() throws Exception {
        assertThatCode(() -> CheckpointVerifier.verify(shipped(), "upload")).doesNotThrowAnyException();
    }

    @Test
    void flippedWeightByteFailsTheChecksum() throws Exception {
        byte[] b = Files.readAllBytes(shipped());
        b[b.length / 2] ^= 0x10;
        assertThatThrownBy(() -> CheckpointVerifier.verify(write(b), "upload")).isInstanceOf(CheckpointFormatException.class)
            .hasMessageContaining("checksum");
    }

    @Test
    void truncatedGarbageAndOtherVersionsFail() throws Exception {
        byte[] b = Files.readAllBytes(shipped());
        assertThatThrownBy(() -> CheckpointVerifier.verify(write(Arrays.copyOf(b, b.length - 100)), "upload"))
            .isInstanceOf(CheckpointFormatException.class);
        assertThatThrownBy(() -> CheckpointVerifier.verify(write("not a checkpoint at all".getBytes()), "upload"))
            .isInstanceOf(CheckpointFormatException.class).hasMessageContaining("magic");
        byte[] v2 = b.clone();
        v2[11] = 2;
        assertThatThrownBy(() -> CheckpointVerifier.verify(write(v2), "upload")).hasMessageContaining("version 2");
    }

    @Test
    void largeFileIsCheckedInConstantMemory() throws Exception {
        // magic, version, a plausible header, one huge weight, then 64 MiB of zeros and a wrong checksum
        Path f = dir.resolve("big.ckpt");
        byte[] header = "channels=16,32\nintegrationSteps=7\nseed=1\npreset=X\nsteps=1\nseconds=1\nfinalLoss=0\nsliceHeight=1\nsliceWidth=1\naxis=Z\n".getBytes();
        long values = 16L << 20;
        try (OutputStream out = Files.newOutputStream(f)) {
            ByteBuffer b = ByteBuffer.allocate(8 + 4 + 4 + header.length + 4 + 4 + 1 + 4 + 8);
            b.put(CheckpointStore.MAGIC).putInt(1).putInt(header.length).put(header).putInt(1).putInt(1).put((byte) 'w').putInt(1).putLong(values);
            out.write(b.array());
            byte[] zeros = new byte[1 << 20];
            for (long i = 0; i < 4 * values; i += zeros.length) out.write(zeros);
            out.write(new byte[8]);
        }
        long before = allocated();
        assertThatThrownBy(() -> CheckpointVerifier.verify(f, "upload")).hasMessageContaining("checksum");
        assertThat(allocated() - before).as("bytes allocated while checking a 64 MiB file").isLessThan(4 << 20);
    }

    private Path shipped() throws Exception {
        Path f = dir.resolve("shipped.ckpt");
        try (InputStream in = getClass().getResourceAsStream(ShippedCheckpoint.RESOURCE)) {
            Files.copy(in, f);
        }
        return f;
    }

    private Path write(byte[] b) throws Exception {
        Path f = Files.createTempFile(dir, "c", ".ckpt");
        Files.write(f, b);
        return f;
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
