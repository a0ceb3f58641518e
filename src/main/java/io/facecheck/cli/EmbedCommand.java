package io.facecheck.cli;

import picocli.CommandLine.Command;

/** {@code facecheck embed IMG}. */
@Command(name = "embed", description = "Print the embedding of the face in an image.")
final class EmbedCommand implements Runnable {
    @Override
    public void run() {
        throw new CliException(ExitCodes.FAILURE, "not implemented yet");
    }
}
