// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import picocli.CommandLine.Command;

/**
 * {@code labelprop launch-server -p PORT -a HOST}: {@code serve} with the napari-compatible API on, under the name and
 * options of the original tool, which the napari-labelprop-remote plugin's "Start locally" button runs.
 */
@Command(name = "launch-server", mixinStandardHelpOptions = true,
    description = {"Runs the server with the original LabelProp's HTTP API for the napari-labelprop-remote plugin "
        + "(serve --napari-compat). -a/--addr and -p/--port as the original; binds 127.0.0.1:6000 by default."})
final class LaunchServerCommand extends ServeCommand {
    @Override boolean napariCompat() { return true; }
}
