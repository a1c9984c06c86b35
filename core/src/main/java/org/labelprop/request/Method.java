// SPDX-License-Identifier: Apache-2.0
package org.labelprop.request;

/** How the slices between annotated ones are filled. */
public enum Method {
    /** Copy of the nearest annotated slice; instant, image-blind. */
    NEAREST,
    /** Signed-distance shape interpolation between annotated slices; instant, image-blind. */
    SHAPE,
    /** Registration of neighbouring slices by TV-L1 optical flow (scikit-image's defaults); no network, no training. */
    FLOW,
    /** Registration of neighbouring slices by a network (trained on the scan or given) refined per slice pair. */
    DEEP;

    /** Whether the method registers slices (and so yields up, down and uncertainty maps). */
    public boolean registers() { return this == FLOW || this == DEEP; }

    /** The lower-case name used by every front end. */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
