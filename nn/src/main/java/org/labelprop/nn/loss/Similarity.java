// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.loss;

import org.bytedeco.pytorch.Tensor;

/** An image dissimilarity to minimise between a fixed batch and a warped moving batch (both B×1×H×W). */
public interface Similarity {
    /** A scalar tensor; lower is more similar. */
    Tensor loss(Tensor fixed, Tensor warped);
}
