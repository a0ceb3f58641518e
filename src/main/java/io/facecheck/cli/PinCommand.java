package io.facecheck.cli;

import io.facecheck.app.OpenMode;
import io.facecheck.app.PinService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code facecheck pin set CODE} (the PIN from the terminal, asked twice, or the first line of stdin; never an
 * argument, which would stay in the shell's history and the process list), {@code pin issue CODE} (a one-time PIN
 * the employee replaces at the kiosk) and {@code pin purge-evidence}.
 */
@Command(name = "pin", mixinStandardHelpOptions = true,
        subcommands = {PinCommand.Set.class, PinCommand.Issue.class, PinCommand.Purge.class})
final class PinCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    @Command(name = "set", mixinStandardHelpOptions = true)
    static final class Set implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "CODE", descriptionKey = "help.pin.set.code")
        String code;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            char[] pin = readPin();
            try {
                return store.withBackend(OpenMode.EXISTING, backend -> {
                    backend.pins(store.settings().pin()).set(code, pin, actor.name());
                    CliMessages.out("pin.cli.set", code);
                    return ExitCodes.OK;
                });
            } finally {
                Arrays.fill(pin, '\0');
            }
        }

        private static char[] readPin() {
            Console console = System.console();
            if (console != null) {
                char[] a = console.readPassword("%s", io.facecheck.config.Messages.get("pin.cli.prompt"));
                char[] b = console.readPassword("%s", io.facecheck.config.Messages.get("pin.cli.again"));
                try {
                    if (a == null || b == null || !Arrays.equals(a, b)) {
                        throw CliException.of(ExitCodes.USAGE, "pin.cli.differ");
                    }
                } finally {
                    if (b != null) {
                        Arrays.fill(b, '\0');
                    }
                }
                return a;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.strip().isEmpty()) {
                    throw CliException.of(ExitCodes.USAGE, "pin.cli.none");
                }
                return line.strip().toCharArray();
            } catch (IOException e) {
                throw CliException.of(ExitCodes.FAILURE, "pin.cli.unreadable", e.getMessage());
            }
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true)
    static final class Issue implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "CODE", descriptionKey = "help.pin.issue.code")
        String code;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                String pin = backend.pins(store.settings().pin()).issue(code, actor.name());
                CliMessages.out("pin.cli.issued", code, pin);
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "purge-evidence", mixinStandardHelpOptions = true)
    static final class Purge implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            return store.withBackend(OpenMode.EXISTING, backend -> {
                int n = backend.pins(store.settings().pin()).purgeEvidence();
                CliMessages.out("pin.cli.purged", n, store.settings().pin().evidenceDays());
                return ExitCodes.OK;
            });
        }
    }
}
