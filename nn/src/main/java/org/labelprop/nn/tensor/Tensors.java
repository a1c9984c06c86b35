// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.tensor;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * Small conversions between Java arrays and libtorch tensors (float32, CPU). Every tensor returned here belongs to the
 * innermost open {@link org.bytedeco.javacpp.PointerScope}; {@link #keep} takes one out of scope management.
 */
public final class Tensors {
    private Tensors() { }

    /** A scalar for tensor arithmetic. */
    public static Scalar s(double v) { return new Scalar(v); }

    /** A float tensor of the given shape holding a copy of {@code data} (row-major, last index fastest). */
    public static Tensor of(float[] data, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != data.length)
            throw new IllegalArgumentException("tensor shape " + java.util.Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        return Tensor.create(data, shape);
    }

    /** A copy of the tensor's values (row-major) as a Java array. */
    public static float[] toArray(Tensor t) {
        Tensor c = t.detach().contiguous();
        float[] out = new float[Math.toIntExact(c.numel())];
        c.data_ptr_float().get(out);
        return out;
    }

    /** The value of a one-element tensor. */
    public static double item(Tensor t) { return t.detach().item_float(); }

    /** Concatenation along {@code dim}. */
    public static Tensor cat(long dim, Tensor... parts) { return torch.cat(new TensorVector(parts), dim); }

    /** Zeros of the given shape. */
    public static Tensor zeros(long... shape) { return torch.zeros(shape); }

    /**
     * Keeps {@code t} alive after the enclosing scopes close (for parameters and cached buffers); the owner must call
     * {@link #release} exactly once.
     */
    public static Tensor keep(Tensor t) {
        t.retainReference();
        return t;
    }

    /** Gives back a tensor obtained from {@link #keep}. */
    public static void release(Pointer t) { t.releaseReference(); }
}
