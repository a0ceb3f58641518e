package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.models.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns exceptions into one clear line on stderr and an exit code, never a bare stack trace. A wrong command line
 * (picocli's parse errors, and a command that needs a sub-command given none) gets its own code,
 * {@link ExitCodes#USAGE}, so that a script never reads it as "no face" (picocli's default is 2).
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // picocli's own sentence stays English (it cannot be translated); the sentence around it is the user's
        err.println("facecheck: " + Messages.get("cli.error.usage", ex.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        cmd.usage(err, cmd.getColorScheme());
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        LOG.debug("command failed", ex);
        // the user's language where the exception carries its bundle key (CliException.of, ModelException, ...)
        String msg = ex.getLocalizedMessage() == null ? ex.getClass().getSimpleName() : ex.getLocalizedMessage();
        cmd.getErr().println("facecheck: " + msg);
        cmd.getErr().flush();
        if (ex instanceof CliException ce) {
            return ce.exitCode();
        }
        if (ex instanceof io.facecheck.store.StoreException se) {
            return StoreOptions.asCli(se).exitCode();
        }
        if (ex instanceof ModelException) {
            return ExitCodes.MODEL;
        }
        return ExitCodes.FAILURE;
    }
}
