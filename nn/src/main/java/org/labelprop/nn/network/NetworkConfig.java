// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.network;

import java.util.List;

/**
 * Architecture of {@link SliceRegNet}: MONAI UNet channels per level (strides 2 between levels, two residual units),
 * scaling-and-squaring steps, and the seed of the initial weights. Slice height and width must be multiples of
 * {@code 2^(channels.size() − 1)}.
 *
 * @param channels         feature channels per level, top first; the original uses 16, 32, 32, 32 (114,207 weights)
 * @param integrationSteps scaling-and-squaring steps of {@code VecInt}; 7 in the original, 0 = no integration
 * @param seed             seed of the weight initialisation
 */
public record NetworkConfig(List<Integer> channels, int integrationSteps, long seed) {
    public NetworkConfig {
        channels = List.copyOf(channels);
        if (channels.size() < 2) throw new IllegalArgumentException("the UNet needs at least 2 levels of channels, got " + channels);
        for (int c : channels)
            if (c < 1) throw new IllegalArgumentException("channel counts must be positive, got " + channels);
        if (integrationSteps < 0 || integrationSteps > 20)
            throw new IllegalArgumentException("integration steps must be within 0..20, got " + integrationSteps);
    }

    /** The original's architecture: channels 16, 32, 32, 32, 7 integration steps, seed 0. */
    public static NetworkConfig defaults() { return new NetworkConfig(List.of(16, 32, 32, 32), 7, 0); }

    public NetworkConfig withSeed(long newSeed) { return new NetworkConfig(channels, integrationSteps, newSeed); }

    /** Slice sizes must be multiples of this (the total down-sampling factor). */
    public int sizeMultiple() { return 1 << (channels.size() - 1); }
}
