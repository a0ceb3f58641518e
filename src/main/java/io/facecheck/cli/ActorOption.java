package io.facecheck.cli;

import picocli.CommandLine.Option;

/** {@code --actor NAME}: who runs a command that changes or exports data, for the audit log. */
final class ActorOption {
    @Option(names = "--actor", paramLabel = "NAME", descriptionKey = "help.actor.actor")
    String name = "cli";

    String name() {
        return name;
    }
}
