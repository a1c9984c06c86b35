// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import org.labelprop.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the {@code labelprop} command: sub-commands mirror the original tool's verbs. */
@Command(name = "labelprop", mixinStandardHelpOptions = true, versionProvider = LabelPropCommand.VersionProvider.class,
    description = "Segments 3-D images from a few annotated slices by propagating the labels slice to slice.",
    subcommands = {TrainCommand.class, PropagateCommand.class, PretrainCommand.class, TrainDatasetCommand.class,
        ServeCommand.class, LaunchServerCommand.class, EvaluateCommand.class, BenchmarkCommand.class, DemoCommand.class,
        CommandLine.HelpCommand.class})
public final class LabelPropCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is required");
    }

    /** The configured command line: error handling and exit codes of {@link ExitCodes}. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LabelPropCommand());
        cl.setExecutionExceptionHandler(new UserErrors());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setDefaultValueProvider(new RequestDefaults());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("labelprop: error: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USER_ERROR;
        });
        return cl;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"labelprop " + Version.get() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
