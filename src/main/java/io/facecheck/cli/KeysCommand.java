package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.store.AuditLog;
import io.facecheck.store.BackupCatalog;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeyRetirement;
import io.facecheck.store.FaceKeyRotation;
import io.facecheck.store.FaceKeys;
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
            try (Database db = store.open(Database.OpenMode.EXISTING)) {
                FaceKeys keys = db.faceCipher().keys();
                if (json) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("keyFile", keys.describe());
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (FaceKeys.Listed k : keys.list()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", k.id());
                        m.put("state", k.state());
                        m.put(k.state().equals("retired") ? "retiredAt" : "activeSince",
                                k.since() == null ? null : k.since().toString());
                        list.add(m);
                    }
                    out.put("keys", list);
                    Json.print(out);
                } else {
                    CliMessages.out("cli.keys.keyring", keys.describe());
                    for (FaceKeys.Listed k : keys.list()) {
                        // the state (active, retired) is the JSON's word; the date is the user's language
                        System.out.println(k.id() + "  " + DisplayWidth.padRight(k.state(), 8) + " " + (k.since() == null
                                ? "" : Messages.get(k.state().equals("retired") ? "cli.keys.retiredOn" : "cli.keys.since",
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
            try (Database db = store.open(Database.OpenMode.EXISTING)) {
                FaceKeyRotation.Result r = FaceKeyRotation.rotate(db, new FaceKeyRotation.Listener() { });
                FaceKeys keys = db.faceCipher().keys();
                String keyFile = keys.describe();
                new AuditLog(db).record(actor.name(), AuditLog.KEY_ROTATE, keyFile,
                        "key " + r.oldKeyId() + " -> " + r.newKeyId() + ", " + r.records() + " records re-encrypted; "
                                + r.oldKeyId() + " kept as retired");
                List<String> restorable = BackupCatalog.existing(db, store.settings().backup().dir()).stream()
                        .filter(b -> b.restorableWith(keys)).map(b -> b.file().toString()).toList();
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
            try (Database db = store.open(Database.OpenMode.EXISTING)) {
                FaceKeys keys = db.faceCipher().keys();
                FaceKeyRetirement.Plan plan = FaceKeyRetirement.plan(db, cutoff, store.settings().backup().dir());
                List<String> lost = plan.backupsLost().stream().map(b -> b.file().toString()).toList();
                if (plan.keys().isEmpty()) {
                    report(keys, plan, lost, Messages.get("cli.keys.noneRetired", keys.describe(), cutoff.toString()));
                    return ExitCodes.OK;
                }
                String what = lost.isEmpty()
                        ? Messages.get("cli.keys.dropNoLoss", describe(plan.keys()), keys.describe(), plan.keys().size())
                        : Messages.get("cli.keys.dropLoss", describe(plan.keys()), keys.describe(), lost.size(),
                        String.join(", ", lost));
                if (!yes && !confirmed(what)) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.keys.notConfirmed", what, plan.keys().size());
                }
                FaceKeyRetirement.apply(db, plan, actor.name());
                report(keys, plan, lost, lost.isEmpty() ? Messages.get("cli.keys.dropped", describe(plan.keys()), keys.describe())
                        : Messages.get("cli.keys.droppedLoss", describe(plan.keys()), keys.describe(),
                        String.join(", ", lost)));
                return ExitCodes.OK;
            } catch (StoreException e) {
                throw StoreOptions.asCli(e);
            }
        }

        private void report(FaceKeys keys, FaceKeyRetirement.Plan plan, List<String> lost, String line) {
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("keyFile", keys.describe());
                out.put("dropped", List.copyOf(plan.ids()));
                out.put("backupsLost", lost);
                Json.print(out);
            } else {
                System.out.println(line);
            }
        }

        private static String describe(List<FaceKeys.Listed> keys) {
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
