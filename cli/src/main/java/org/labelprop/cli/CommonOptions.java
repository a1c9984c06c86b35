// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import picocli.CommandLine.Option;

/** Options every sub-command takes. */
final class CommonOptions {
    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;
}
