// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import picocli.CommandLine;

/** Entry point of the {@code labelprop} command. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0 ok, 1 internal error, 2 user error, 130 cancelled). */
    public static int run(String... args) {
        return LabelPropCommand.commandLine().execute(args);
    }
}
