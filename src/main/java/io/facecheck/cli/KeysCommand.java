package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.app.Backend;
import io.facecheck.app.FaceKeyService;
import io.facecheck.app.OpenMode;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.Console;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck keys list|rotate|retire}: the face-data keyring. */
@Command(name = "keys", mixinStandardHelpOptions = true, subcommands = {KeysCommand.ListKeys.class, KeysCommand.Rotate.class, KeysCommand.Retire.class})
final class KeysCommand {
    // not Runnable: without a sub-command picocli reports a usage error (see FaceCheckCommand)

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--json", descriptionKey = "help.keys.list.json")
        boolean json;

        @Override
        public Integer call() {
            try (Backend backend = store.open(OpenMode.EXISTING)) {
                FaceKeyService.Keyring keys = backend.faceKeys().keyring();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("keyFile", keys.keyFile());
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (FaceKeyService.Key k : keys.keys()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", k.id());
                        m.put("state", k.state());
                        m.put(k.retired() ? "retiredAt" : "activeSince",
                                k.since() == null ? null : k.since().toString());
                        list.add(m);
                    }
                    out.put("keys", list);
                    Json.print(out);
                } else {
                    CliMessages.out("cli.keys.keyring", keys.keyFile());
                    for (FaceKeyService.Key k : keys.keys()) {
                        // the state (active, retired) is the JSON's word; the date is the user's language
                        System.out.println(k.id() + "  " + DisplayWidth.padRight(k.state(), 8) + " " + (k.since() == null
                                ? "" : Messages.get(k.retired() ? "cli.keys.retiredOn" : "cli.keys.since",
                                k.since().toString())));
                    }
                }
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true)
    static final class Rotate implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--backup-dir", paramLabel = "DIR",
                descriptionKey = "help.keys.rotate.backup-dir")
        Path backupDir;
        @Option(names = "--json", descriptionKey = "help.keys.rotate.json")
        boolean json;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            backupDir(store, backupDir);
            try (Backend backend = store.open(OpenMode.EXISTING)) {
                FaceKeyService.Rotated r = backend.faceKeys().rotate(store.settings().backup().dir(), actor.name());
                String keyFile = r.keyFile();
                List<String> restorable = r.restorableBackups();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("oldKeyId", r.oldKeyId());
                    out.put("newKeyId", r.newKeyId());
                    out.put("records", r.records());
                    out.put("keyFile", keyFile);
                    out.put("retiredKeyId", r.oldKeyId());
                    out.put("restorableBackups", restorable.size());
                    out.put("backups", restorable);
                    Json.print(out);
                } else {
                    CliMessages.out("cli.keys.rotated", r.records(), r.newKeyId(), r.oldKeyId(), keyFile);
                    if (restorable.isEmpty()) {
                        CliMessages.out("cli.keys.keptNoBackups", r.oldKeyId(), keyFile,
                                store.settings().backup().dir().toString());
                    } else {
                        CliMessages.out("cli.keys.kept", r.oldKeyId(), keyFile, restorable.size());
                    }
                }
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true)
    static final class Retire implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--before", required = true, paramLabel = "DATE",
                descriptionKey = "help.keys.retire.before")
        String before;
        @Option(names = "--yes", descriptionKey = "help.keys.retire.yes")
        boolean yes;
        @Option(names = "--backup-dir", paramLabel = "DIR",
                descriptionKey = "help.keys.retire.backup-dir")
        Path backupDir;
        @Option(names = "--json", descriptionKey = "help.keys.retire.json")
        boolean json;
        @Mixin
        ActorOption actor;

        @Override
        public Integer call() {
            Instant cutoff = cutoff(before);
            backupDir(store, backupDir);
            try (Backend backend = store.open(OpenMode.EXISTING)) {
                FaceKeyService keyring = backend.faceKeys();
                FaceKeyService.Retirement plan = keyring.planRetirement(cutoff, store.settings().backup().dir());
                String keys = plan.keyFile();
                List<String> lost = plan.backupsLost();
                if (plan.keys().isEmpty()) {
                    report(keys, plan, lost, Messages.get("cli.keys.noneRetired", keys, cutoff.toString()));
                    return ExitCodes.OK;
                }
                String what = lost.isEmpty()
                        ? Messages.get("cli.keys.dropNoLoss", describe(plan.keys()), keys, plan.keys().size())
                        : Messages.get("cli.keys.dropLoss", describe(plan.keys()), keys, lost.size(),
                        String.join(", ", lost));
                if (!yes && !confirmed(what)) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.keys.notConfirmed", what, plan.keys().size());
                }
                keyring.retire(plan, actor.name());
                report(keys, plan, lost, lost.isEmpty() ? Messages.get("cli.keys.dropped", describe(plan.keys()), keys)
                        : Messages.get("cli.keys.droppedLoss", describe(plan.keys()), keys,
                        String.join(", ", lost)));
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }

        private void report(String keyFile, FaceKeyService.Retirement plan, List<String> lost, String line) {
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("keyFile", keyFile);
                out.put("dropped", List.copyOf(plan.ids()));
                out.put("backupsLost", lost);
                Json.print(out);
            } else {
                System.out.println(line);
            }
        }

        private static String describe(List<FaceKeyService.Key> keys) {
            List<String> each = keys.stream().map(k -> Messages.get("cli.keys.retiredKey", k.id(),
                    String.valueOf(k.since()))).toList();
            return Messages.get("cli.keys.keys", keys.size(), String.join(", ", each));
        }

        /** Asks on the terminal; false where there is none (a script must say --yes). */
        private static boolean confirmed(String what) {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            String answer = console.readLine("%s%n%s", what, Messages.get("cli.keys.typeYes"));
            return answer != null && answer.trim().equalsIgnoreCase("yes");
        }

        static Instant cutoff(String value) {
            try {
                return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw CliException.of(ExitCodes.FAILURE, "cli.keys.badBefore", value);
            }
        }
    }

    /** {@code --backup-dir}, when given, replaces {@code backup.dir} for this command. */
    private static void backupDir(StoreOptions store, Path dir) {
        if (dir != null) {
            store.override("backup.dir", dir.toAbsolutePath().toString());
        }
    }
}
