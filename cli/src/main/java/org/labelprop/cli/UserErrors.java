// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CancellationException;
import org.labelprop.UserInputException;
import org.labelprop.io.VolumeFormatException;
import org.labelprop.io.dicom.DicomConversionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one line on stderr and an exit code: user errors (unreadable or missing files, mismatching
 * volumes, bad options: {@link UserInputException}, format and file-system exceptions) exit 2 without a stack trace;
 * anything else is an internal failure, exit 1; {@code --debug} prints the stack trace too.
 */
final class UserErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug")
            || (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug"));
        Throwable t = unwrap(ex);
        int code;
        String message;
        if (t instanceof CancellationException) {
            code = ExitCodes.CANCELLED;
            message = "cancelled";
        } else if (isUserError(t)) {
            code = ExitCodes.USER_ERROR;
            message = describe(t);
        } else {
            code = ExitCodes.INTERNAL;
            message = "internal error: " + t + (debug ? "" : " (run with --debug for the stack trace)");
        }
        cmd.getErr().println("labelprop: error: " + message);
        if (debug) t.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return code;
    }

    static boolean isUserError(Throwable t) {
        return t instanceof VolumeFormatException || t instanceof DicomConversionException || t instanceof UserInputException
            || t instanceof FileSystemException || t instanceof FileNotFoundException
            || t instanceof org.labelprop.nn.checkpoint.CheckpointFormatException;
    }

    static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e) return "file not found: " + e.getFile();
        if (t instanceof AccessDeniedException e) return "permission denied: " + e.getFile();
        if (t instanceof FileSystemException e && e.getReason() != null) return e.getFile() + ": " + e.getReason();
        String m = t.getMessage();
        return m == null ? t.toString() : m;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.io.UncheckedIOException
            || t.getClass() == RuntimeException.class) && t.getCause() != null) t = t.getCause();
        return t;
    }
}
