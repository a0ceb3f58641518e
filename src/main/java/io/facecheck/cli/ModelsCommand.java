package io.facecheck.cli;

import picocli.CommandLine.Command;

/** {@code facecheck models verify|import}. */
@Command(name = "models", mixinStandardHelpOptions = true,
        subcommands = {ModelsVerifyCommand.class, ModelsImportCommand.class})
final class ModelsCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)
}
