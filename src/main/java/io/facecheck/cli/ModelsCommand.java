package io.facecheck.cli;

import picocli.CommandLine.Command;

/** {@code facecheck models verify|import}. */
@Command(name = "models", description = "Verify or import the neural networks in models/.",
        subcommands = {})
final class ModelsCommand {
}
