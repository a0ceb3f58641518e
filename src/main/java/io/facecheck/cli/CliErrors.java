package io.facecheck.cli;

import io.facecheck.models.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns exceptions into one clear line on stderr and an exit code, never a bare stack trace. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        LOG.debug("command failed", ex);
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
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
