// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import org.labelprop.propagation.SliceRegistrar;

/**
 * The deep method's network, ready for one scan: loaded or trained on it, holding native memory until closed. Its
 * registrar computes the neighbour fields with this very network (no copy of the weights) and refines them.
 */
public interface PreparedNetwork extends AutoCloseable {
    /** Fields of every neighbouring slice pair, refined as the request asked. */
    SliceRegistrar registrar();

    /** What training did, or null when the network was not trained on the scan. */
    TrainingSummary trainingOrNull();

    @Override void close();
}
