// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.pipeline.PreparedNetwork;
import org.labelprop.pipeline.TrainingSummary;
import org.labelprop.propagation.SliceRegistrar;

/** A live network (or none: optimisation from zero) with its refinement settings; owns the network's native memory. */
final class TorchNetwork implements PreparedNetwork {
    private final SliceRegNet netOrNull;
    private final RegistrarConfig config;
    private final TrainingSummary training;

    TorchNetwork(SliceRegNet netOrNull, RegistrarConfig config, TrainingSummary trainingOrNull) {
        this.netOrNull = netOrNull;
        this.config = config;
        this.training = trainingOrNull;
    }

    @Override public SliceRegistrar registrar() { return new NetworkRegistrar(netOrNull, config); }

    @Override public TrainingSummary trainingOrNull() { return training; }

    @Override public void close() { if (netOrNull != null) netOrNull.close(); }
}
