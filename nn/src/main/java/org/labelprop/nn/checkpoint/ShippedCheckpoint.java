// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import java.io.IOException;
import java.io.InputStream;

/**
 * The pretrained checkpoint shipped inside the nn jar, the default starting point of training on a scan.
 *
 * <p>Provenance: unsupervised pretraining ({@code labelprop pretrain}, paper preset, seed 42, default architecture) on
 * {@code inia19-t1-brain.nii.gz} (the INIA19 rhesus macaque T1 template, 168×206×128 at 0.5 mm) of Debian's
 * {@code mricron-data} 1.2.20211006: 200 s along array axis 2, then 200 s along axis 0 and 200 s along axis 1, each
 * starting from the previous result (385 + 557 + 718 steps, 10 min on 2 cores); reproduced by {@code bin/make-pretrained}.
 * No Colin27 ({@code ch2*}) volume, the benchmark's subject, was used.
 */
public final class ShippedCheckpoint {
    /** Class-path location of the checkpoint. */
    public static final String RESOURCE = "/org/labelprop/nn/checkpoint/pretrained-inia19.ckpt";
    /** One-line provenance, for logs. */
    public static final String DESCRIPTION = "shipped checkpoint pretrained on the INIA19 macaque T1 template "
        + "(Debian mricron-data, 3 axes, 10 min)";

    private ShippedCheckpoint() { }

    /**
     * The weights a request names: this shipped checkpoint, none (null), or a stored checkpoint found by {@code resolver}.
     */
    public static Checkpoint orStored(org.labelprop.request.Weights w, java.util.function.Function<String, java.nio.file.Path> resolver)
            throws IOException {
        return switch (w.kind()) {
            case SHIPPED -> load();
            case NONE -> null;
            case CHECKPOINT -> CheckpointStore.read(resolver.apply(w.name()));
        };
    }

    /** Reads the shipped checkpoint; a missing or damaged resource is an {@link IllegalStateException} (a broken build). */
    public static Checkpoint load() {
        try (InputStream in = ShippedCheckpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("the shipped checkpoint " + RESOURCE + " is missing from the class path");
            return CheckpointStore.read(in, "shipped checkpoint " + RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped checkpoint " + RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }
}
