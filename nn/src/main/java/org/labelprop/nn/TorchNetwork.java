// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.pipeline.PreparedNetwork;
import org.labelprop.pipeline.TrainingSummary;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.propagation.SecondOpinionRegistrar;
import org.labelprop.propagation.ScaledRegistrar;
import org.labelprop.propagation.SliceRegistrar;
import org.labelprop.propagation.SparseScan;
import org.labelprop.request.Refinement;

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

    private SparseScan annotations;
    private int[] range;
    private double flowBlend;

    /** Refines only the pairs between these slices (see {@link NetworkRegistrar#withRange}). */
    TorchNetwork range(int first, int last) {
        range = new int[] {first, last};
        return this;
    }

    /** Constrains refinement by the annotations of {@code scan} (see {@link NetworkRegistrar#withAnnotations}). */
    TorchNetwork annotations(SparseScan scan) {
        annotations = scan;
        return this;
    }

    /**
     * Adds TV-L1 optical flow as a second opinion, {@code share} of the soft maps (see {@link SecondOpinionRegistrar}; 0 = none),
     * refined under the annotations on long gaps when refinement is constrained ({@link FlowOpinionRegistrar}).
     */
    TorchNetwork flowBlend(double share) {
        flowBlend = share;
        return this;
    }

    @Override public SliceRegistrar registrar() {
        NetworkRegistrar r = new NetworkRegistrar(netOrNull, config).withAnnotations(annotations);
        SliceRegistrar deep = range == null ? r : r.withRange(range[0], range[1]);
        if (!(flowBlend > 0)) return deep;
        SliceRegistrar flow = annotations != null && config.annotationWeight() > 0 && !config.budget().none()
            ? new FlowOpinionRegistrar(new NetworkRegistrar(netOrNull, config).withAnnotations(annotations), annotations, Refinement.LONG_GAP_MM)
            : new ScaledRegistrar(FlowRegistrar.defaults(), NetworkRegistrar.MAX_SIDE, NetworkRegistrar.MIN_WORKING_PIXEL_MM);
        return new SecondOpinionRegistrar(deep, flow, flowBlend);
    }

    @Override public TrainingSummary trainingOrNull() { return training; }

    @Override public void close() { if (netOrNull != null) netOrNull.close(); }
}
