// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.limits;

/** A volume this server will never decode (voxel limit or memory); answered 413 with the size and the limit. */
public final class VolumeTooLargeException extends RuntimeException {
    public VolumeTooLargeException(String message) { super(message); }
}
