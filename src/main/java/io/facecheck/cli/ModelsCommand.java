package io.facecheck.cli;

import picocli.CommandLine.Command;

/** {@code facecheck models verify|import}. */
@Command(name = "models", description = "Verify or import the neural networks in models/.",
        mixinStandardHelpOptions = true,
        subcommands = {ModelsVerifyCommand.class, ModelsImportCommand.class})
final class ModelsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
