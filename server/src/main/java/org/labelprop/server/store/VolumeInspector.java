// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.io.IOException;

/** Reads an uploaded file completely, checking it is a usable volume of the given kind, and summarises it. */
public interface VolumeInspector {
    /**
     * @throws org.labelprop.io.NiftiFormatException when the file is not a volume this server can use (truncated,
     *         garbage, wrong data type), with a message for the client
     */
    VolumeSummary inspect(ReceivedFile file, VolumeKind kind) throws IOException;
}
