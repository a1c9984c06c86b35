// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import java.io.IOException;

/** A checkpoint file that is not ours, of an unknown version, truncated, corrupt or inconsistent; the message says which. */
public class CheckpointFormatException extends IOException {
    public CheckpointFormatException(String message) { super(message); }

    public CheckpointFormatException(String message, Throwable cause) { super(message, cause); }
}
