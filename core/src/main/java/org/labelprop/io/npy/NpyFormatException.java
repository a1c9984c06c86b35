// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import java.io.IOException;

/** Bytes are not a NumPy {@code .npy}/{@code .npz} array this codec can read; the message says what was expected and found. */
public class NpyFormatException extends IOException {
    public NpyFormatException(String message) { super(message); }

    public NpyFormatException(String message, Throwable cause) { super(message, cause); }
}
