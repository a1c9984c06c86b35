// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.pytorch.Tensor;
import org.labelprop.nn.tensor.Tensors;

/**
 * The native copies of one scan kept for a whole training run: the slices ({@code n×1×H×W}), each annotated slice and
 * each hinted slice as {@code 1×C×H×W}. Released by {@link #close()}.
 */
final class ScanTensors implements AutoCloseable {
    final Tensor images;
    final Map<Integer, Tensor> annotations = new TreeMap<>();
    final Map<Integer, Tensor> hints = new TreeMap<>();
    private final List<Tensor> owned = new ArrayList<>();

    ScanTensors(SliceStack scan, AnnotationStack ann) {
        images = own(Tensors.of(scan.data(), scan.slices(), 1, scan.paddedHeight(), scan.paddedWidth()));
        if (ann != null) {
            long c = ann.channels(), h = scan.paddedHeight(), w = scan.paddedWidth();
            ann.annotated().forEach((k, a) -> annotations.put(k, own(Tensors.of(a, 1, c, h, w))));
            ann.hints().forEach((k, a) -> hints.put(k, own(Tensors.of(a, 1, c, h, w))));
        }
    }

    private Tensor own(Tensor t) {
        owned.add(Tensors.keep(t));
        return t;
    }

    @Override
    public void close() {
        owned.forEach(Tensors::release);
        owned.clear();
    }
}
