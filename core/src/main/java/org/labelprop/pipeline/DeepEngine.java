// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.io.IOException;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.SparseScan;
import org.labelprop.request.SegmentationRequest;

/**
 * The deep method's engine, the seam between the pipeline and the tensor library (implemented in the nn module): loads
 * the requested weights and, when the request asks for training, trains them on the scan.
 */
@FunctionalInterface
public interface DeepEngine {
    /**
     * @param progress receives the training stage (null: none); cancellation by interrupting the thread
     * @throws IOException when stored weights cannot be read
     */
    PreparedNetwork prepare(SegmentationRequest request, SparseScan scan, ProgressListener progress) throws IOException;
}
