// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/** The raw benchmark case of /work/data/bench (94×82×68, 1 mm, x fastest, little-endian). */
record BenchCase(Volume image, LabelVolume gt, LabelVolume sparse3, LabelVolume sparse10) {
    static BenchCase load(Path dir) throws IOException {
        Grid g = Grid.of(new Shape3(94, 82, 68), Spacing.isotropic(1));
        return new BenchCase(new Volume(g, floats(dir.resolve("image.raw"))), labels(g, dir.resolve("gt.raw")),
            labels(g, dir.resolve("sparse3.raw")), labels(g, dir.resolve("sparse10.raw")));
    }

    private static ByteBuffer bytes(Path p) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static float[] floats(Path p) throws IOException {
        ByteBuffer b = bytes(p);
        float[] a = new float[b.remaining() / 4];
        b.asFloatBuffer().get(a);
        return a;
    }

    private static LabelVolume labels(Grid g, Path p) throws IOException {
        ByteBuffer b = bytes(p);
        int[] a = new int[b.remaining() / 4];
        b.asIntBuffer().get(a);
        return new LabelVolume(g, a);
    }
}
