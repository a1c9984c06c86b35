// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.labelprop.io.npy.NpyFormatException;
import org.labelprop.io.npy.NpyHeader;
import org.labelprop.io.npy.NpyOrder;
import org.labelprop.io.npy.NpzReader;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/**
 * The arrays of an upload ({@code img}, {@code mask}, optional {@code hints}) as volumes. NumPy axis k becomes array axis
 * k here (axis 0 fastest, i.e. Fortran order, which is how nibabel-read arrays arrive), on a unit-spacing identity grid:
 * the plugin sends no geometry.
 *
 * @param image null when the upload names a cached image by its hash instead
 * @param hints null when not sent
 */
record PluginArrays(Volume image, LabelVolume mask, LabelVolume hints) {
    /** Reads the archive; {@code imageShape} (from the cache) is required when it holds no {@code img}. */
    static PluginArrays read(Path npz, Shape3 imageShape, long maxVoxels) throws IOException {
        try (NpzReader in = NpzReader.open(npz, "the 'arrays' upload")) {
            Volume image = null;
            Shape3 shape = imageShape;
            if (in.contains("img")) {
                shape = shape3(in.header("img"), "img");
                image = new Volume(grid(shape), in.floats("img", NpyOrder.FORTRAN, maxVoxels));
            } else if (shape == null) {
                throw new NpyFormatException("the 'arrays' upload has no 'img' array, and its params name no image cached on this server"
                    + " ('hash' missing, or no longer in /list_hash): send the image");
            }
            LabelVolume mask = labels(in, "mask", shape, maxVoxels);
            LabelVolume hints = in.contains("hints") ? labels(in, "hints", shape, maxVoxels) : null;
            return new PluginArrays(image, mask, hints);
        }
    }

    /** The unit-spacing identity grid of an array of this shape. */
    static Grid grid(Shape3 shape) { return Grid.of(shape, Spacing.isotropic(1)); }

    /** The plugin's image hash: md5 of the image as float32, little-endian, C order (NumPy's {@code tobytes()}). */
    static String md5(Volume image) {
        Shape3 s = image.shape();
        float[] v = image.array();
        MessageDigest md5 = md5();
        ByteBuffer b = ByteBuffer.allocate(4 * s.nz()).order(ByteOrder.LITTLE_ENDIAN);
        for (int x = 0; x < s.nx(); x++)
            for (int y = 0; y < s.ny(); y++) {
                b.clear();
                for (int z = 0; z < s.nz(); z++) b.putFloat(v[s.index(x, y, z)]);
                md5.update(b.array(), 0, b.position());
            }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static LabelVolume labels(NpzReader in, String name, Shape3 shape, long maxVoxels) throws IOException {
        Shape3 s = shape3(in.header(name), name);
        if (!s.equals(shape))
            throw new NpyFormatException("array '" + name + "' has shape " + numpy(s) + " but the image has " + numpy(shape)
                + "; they must match voxel for voxel");
        int[] v = in.ints(name, NpyOrder.FORTRAN, maxVoxels);
        for (int i = 0; i < v.length; i++)
            if (v[i] < 0 || v[i] > 255)
                throw new NpyFormatException("array '" + name + "' holds " + v[i] + "; labels must be within 0..255 (255 = background"
                    + " in hints), as results go back as uint8");
        return new LabelVolume(grid(shape), v);
    }

    private static Shape3 shape3(NpyHeader h, String name) throws NpyFormatException {
        long[] d = h.shape();
        if (d.length != 3 || Arrays.stream(d).anyMatch(n -> n < 1 || n > Integer.MAX_VALUE))
            throw new NpyFormatException("array '" + name + "' must be a 3-D volume, got " + h.describe());
        if (h.elements() > Shape3.MAX_VOXELS) throw new NpyFormatException("array '" + name + "' is too large: " + h.describe());
        return new Shape3((int) d[0], (int) d[1], (int) d[2]);
    }

    /** A shape as NumPy prints it, e.g. "(5, 4, 3)". */
    static String numpy(Shape3 s) { return "(" + s.nx() + ", " + s.ny() + ", " + s.nz() + ")"; }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }
}
