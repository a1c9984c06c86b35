// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;

/**
 * A trained registration network at rest: architecture, weights by name (with shapes) and training information. Plain
 * Java, no native memory; {@link #newNetwork()} builds a network with these weights. Stored by {@link CheckpointStore}.
 */
public record Checkpoint(NetworkConfig network, TrainingInfo training, Map<String, Weight> weights) {

    /** One named weight tensor: shape and row-major values. */
    public record Weight(long[] shape, float[] values) {
        public Weight {
            long n = 1;
            for (long d : shape) {
                if (d < 1) throw new IllegalArgumentException("weight dimensions must be positive, got " + java.util.Arrays.toString(shape));
                n *= d;
            }
            if (n != values.length)
                throw new IllegalArgumentException("weight of shape " + java.util.Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
        }
    }

    public Checkpoint {
        if (network == null || training == null || weights == null) throw new IllegalArgumentException("network, training and weights are required");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /** A snapshot of {@code net}'s current weights. */
    public static Checkpoint of(SliceRegNet net, TrainingInfo info) {
        Map<String, Weight> w = new LinkedHashMap<>();
        net.weights().forEach((name, values) -> w.put(name, new Weight(net.weightShape(name), values)));
        return new Checkpoint(net.config(), info, w);
    }

    /** A new network with this architecture and these weights; the caller closes it. */
    public SliceRegNet newNetwork() {
        SliceRegNet net = new SliceRegNet(network);
        try {
            Map<String, float[]> values = new LinkedHashMap<>();
            weights.forEach((name, w) -> {
                if (!java.util.Arrays.equals(w.shape(), net.weightShape(name)))
                    throw new IllegalArgumentException("checkpoint weight " + name + " has shape " + java.util.Arrays.toString(w.shape())
                        + " but the network needs " + java.util.Arrays.toString(net.weightShape(name)));
                values.put(name, w.values());
            });
            net.loadWeights(values);
            return net;
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }
}
