package io.facecheck.cli;

import io.facecheck.app.Backend;
import io.facecheck.app.OpenMode;
import io.facecheck.store.StoreException;
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

/** {@code facecheck admin-user add NAME} (password from stdin). */
@Command(name = "admin-user", mixinStandardHelpOptions = true, subcommands = {AdminUserCommand.Add.class, AdminUserCommand.ListCmd.class})
final class AdminUserCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(paramLabel = "NAME", descriptionKey = "help.admin-user.add.name")
        String name;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            char[] password = readPassword();
            try (Backend backend = store.open(OpenMode.CREATE)) {
                backend.admins().add(name, password, actor.name());
                CliMessages.out("cli.adminUser.added", name);
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private static char[] readPassword() {
            Console console = System.console();
            if (console != null) {
                char[] a = console.readPassword("Password: ");
                char[] b = console.readPassword("Again: ");
                if (a == null || b == null || !Arrays.equals(a, b)) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.adminUser.differ");
                }
                Arrays.fill(b, '\0');
                return a;
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.adminUser.noPassword");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw CliException.of(ExitCodes.FAILURE, "cli.adminUser.cannotRead", e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListCmd implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Backend backend = store.open(OpenMode.EXISTING)) {
                backend.admins().names().forEach(System.out::println);
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }
    }
}
