// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.labelprop.nn.tensor.Tensors;

/**
 * The trainable tensors of a network, by name, in creation order; owns their native memory (kept out of every
 * {@link org.bytedeco.javacpp.PointerScope}) until {@link #close()}. We keep our own handles instead of
 * {@code Module.register_parameter}, whose returned reference dangles (ENGINE.md pitfall 2).
 */
public final class ParameterSet implements AutoCloseable {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    /** Creates parameter {@code name} with the given shape and initial values; returns our (stable) handle. */
    public Tensor add(String name, float[] init, long... shape) {
        if (tensors.containsKey(name)) throw new IllegalArgumentException("duplicate parameter name " + name);
        Tensor t = Tensors.keep(Tensors.of(init, shape).requires_grad_(true));
        tensors.put(name, t);
        shapes.put(name, shape.clone());
        return t;
    }

    public List<String> names() { return List.copyOf(tensors.keySet()); }

    public long[] shape(String name) {
        long[] s = shapes.get(name);
        if (s == null) throw new IllegalArgumentException("the network has no weight named " + name + "; it has " + shapes.keySet());
        return s.clone();
    }

    /** Number of scalar weights. */
    public long count() {
        long n = 0;
        for (long[] s : shapes.values()) { long k = 1; for (long d : s) k *= d; n += k; }
        return n;
    }

    /** All parameters, for an optimiser. */
    public TensorVector vector() { return new TensorVector(tensors.values().toArray(new Tensor[0])); }

    /** A copy of every weight, by name. */
    public Map<String, float[]> snapshot() {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors.forEach((n, t) -> out.put(n, Tensors.toArray(t)));
        return Collections.unmodifiableMap(out);
    }

    /** Overwrites every weight from {@code weights}; names and sizes must match exactly. */
    public void load(Map<String, float[]> weights) {
        List<String> missing = new ArrayList<>(tensors.keySet());
        missing.removeAll(weights.keySet());
        List<String> extra = new ArrayList<>(weights.keySet());
        extra.removeAll(tensors.keySet());
        if (!missing.isEmpty() || !extra.isEmpty())
            throw new IllegalArgumentException("weights do not match the network: missing " + missing + ", unexpected " + extra);
        try (org.bytedeco.javacpp.PointerScope scope = new org.bytedeco.javacpp.PointerScope();
             org.bytedeco.pytorch.NoGradGuard ng = new org.bytedeco.pytorch.NoGradGuard()) {
            for (var e : tensors.entrySet()) {
                float[] w = weights.get(e.getKey());
                if (w.length != e.getValue().numel())
                    throw new IllegalArgumentException("weight " + e.getKey() + " has " + w.length + " values, the network needs "
                        + e.getValue().numel());
                e.getValue().copy_(Tensors.of(w, shapes.get(e.getKey())));
            }
        }
    }

    @Override
    public void close() {
        tensors.values().forEach(Tensors::release);
        tensors.clear();
    }
}
