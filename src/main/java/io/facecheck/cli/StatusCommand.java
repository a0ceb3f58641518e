package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.face.FaceNetworks;
import io.facecheck.app.WebhookService;
import io.facecheck.config.AppDirs;
import io.facecheck.config.LogFiles;
import io.facecheck.config.Settings;
import io.facecheck.models.ModelNames;
import io.facecheck.models.ModelVerifier;
import io.facecheck.models.Models;
import io.facecheck.store.BackupCatalog;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code facecheck status}: is this install healthy? One look at the database, models, key, backups, disk, camera. */
@Command(name = "status", mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Option(names = "--models", paramLabel = "DIR", descriptionKey = "help.status.models")
    Path modelsDir;
    @Option(names = "--json", descriptionKey = "help.status.json")
    boolean json;

    @Override
    public Integer call() {
        Settings settings = store.settings();
        List<String> problems = new ArrayList<>();
        int exit = ExitCodes.OK;
        Map<String, Object> out = new LinkedHashMap<>();

        Map<String, Object> database = new LinkedHashMap<>();
        Map<String, Object> gallery = new LinkedHashMap<>();
        Map<String, Object> encryption = new LinkedHashMap<>();
        Map<String, Object> webhooks = new LinkedHashMap<>();
        String url = settings.database().url();
        database.put("url", redact(url));
        Map<String, Object> lastBackup = null;
        Database.Credentials login = store.credentials();
        FaceKeys keys = null;
        StoreException keyProblem = null;
        StoreException dbProblem = null;
        try {
            keys = store.keys();
            encryption.put("key", keys.describe());
        } catch (CliException e) {
            keyProblem = new StoreException(StoreException.Kind.KEY, e.getMessage());
        }
        if (keys != null) {
            try (Database db = Database.open(url, login, keys, Database.OpenMode.EXISTING)) {
                inspect(db, database, gallery, webhooks);
                encryption.put("ok", true);
                encryption.put("keyId", keys.currentId());
                encryption.put("keyFileOwnerOnly", keys.ownerOnly());
                keys.pendingId().ifPresent(p -> {
                    encryption.put("rotationPending", p);
                    problems.add(Messages.get("cli.status.rotationUnfinished", p));
                });
                if (!keys.ownerOnly()) {
                    problems.add(Messages.get("cli.status.keyReadable", keys.describe()));
                }
                lastBackup = BackupCatalog.last(db).map(b -> lastBackup(b, db.faceCipher().keys(), problems))
                        .orElse(null);
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.KEY) {
                    keyProblem = e;
                } else {
                    dbProblem = e;
                }
            }
        }
        if (keyProblem != null) {
            // the key is wrong or missing, the database itself may be fine: report what it holds without the key
            encryption.put("ok", false);
            encryption.put("keyId", keys == null ? null : keys.currentId());
            encryption.put("problem", keyProblem.getMessage());
            problems.add(Messages.get("cli.status.encryption", keyProblem.getLocalizedMessage()));
            try (Database db = Database.openWithoutKeys(url, login)) {
                inspect(db, database, gallery, webhooks);
                FaceKeys given = keys;
                lastBackup = BackupCatalog.last(db).map(b -> lastBackup(b, given, problems)).orElse(null);
                encryption.put("neededKeyIds", List.copyOf(db.faceDataKeyIds()));
            } catch (StoreException e) {
                dbProblem = e;
            }
        }
        if (dbProblem != null) {
            database.put("ok", false);
            database.putIfAbsent("schemaVersion", null);
            database.put("problem", dbProblem.getMessage());
            problems.add(Messages.get("cli.status.database", dbProblem.getLocalizedMessage()));
            encryption.putIfAbsent("ok", false);
        }
        if (keyProblem != null || dbProblem != null) {
            exit = ExitCodes.DATABASE;
        }
        out.put("database", database);

        Map<String, Object> models = new LinkedHashMap<>();
        Path dir = modelsDir != null ? modelsDir : Models.defaultDir();
        models.put("dir", dir.toAbsolutePath().toString());
        List<String> names = modelsFor(settings);
        models.put("checked", names);
        List<String> failed = new ArrayList<>();
        for (ModelVerifier.Check c : new ModelVerifier(dir).verifyAll(names)) {
            if (!c.ok()) {
                failed.add(c.name() + ": " + c.problem());
            }
        }
        models.put("ok", failed.isEmpty());
        if (!failed.isEmpty()) {
            models.put("problems", failed);
            failed.forEach(f -> problems.add(Messages.get("cli.status.models", f)));
            if (exit == ExitCodes.OK) {
                exit = ExitCodes.MODEL;
            }
        }
        out.put("models", models);
        out.put("gallery", gallery);
        if (!webhooks.isEmpty()) {
            out.put("webhooks", webhooks);
            if ((int) webhooks.get("failing") > 0) {
                // not unhealthy: the events wait in the outbox and are retried until the receiver answers
                problems.add(io.facecheck.config.Messages.get("webhooks.status.failing", webhooks.get("pending"),
                        webhooks.get("failing")));
            }
        }
        out.put("encryption", encryption);
        out.put("lastBackup", lastBackup);
        Map<String, Object> offline = offlineJournal(settings, keys);
        if (offline != null) {
            out.put("offline", offline);
        }

        Path dataDir = Database.fileOf(url).map(Path::getParent).orElse(AppDirs.current().dataDir());
        out.put("dataDir", dataDir.toString());
        out.put("diskFreeMb", freeMb(dataDir));
        out.put("logFile", LogFiles.folder(AppDirs.current().dataDir()).resolve(LogFiles.FILE_NAME).toString());

        Map<String, Object> camera = new LinkedHashMap<>();
        List<String> devices = videoDevices();
        camera.put("available", devices == null ? null : !devices.isEmpty());
        camera.put("devices", devices);
        camera.put("required", false);
        out.put("camera", camera);
        out.put("ok", exit == ExitCodes.OK);

        if (json) {
            Json.print(out);
        } else {
            print(out);
        }
        for (String p : problems) {
            CliMessages.warn("cli.status.problem", p);
        }
        if (devices != null && devices.isEmpty()) {
            CliMessages.warn("cli.status.noCamera");
        }
        return exit;
    }

    /**
     * The last backup (from the audit log): {@code at}, {@code file}, {@code keyIds} and {@code restorable}, which is
     * true when its file is there and every key it needs is in the keyring (a warning on stderr otherwise; not an
     * error: the database itself is fine).
     */
    private static Map<String, Object> lastBackup(BackupCatalog.Entry b, FaceKeys keys, List<String> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", b.at() == null ? null : b.at().toString());
        m.put("file", b.file().toString());
        m.put("keyIds", List.copyOf(b.keyIds()));
        if (keys == null) {
            m.put("restorable", null); // no key at all: nothing to judge it by
            return m;
        }
        boolean restorable = b.restorableWith(keys);
        m.put("restorable", restorable);
        if (!restorable) {
            String why = b.problem() != null ? b.problem() : keys.lacking(b.missingFrom(keys));
            m.put("problem", why);
            problems.add(Messages.get("cli.status.backup", b.file(), why));
        }
        return m;
    }

    /**
     * What can be read of an open database without its face-data key: schema version and gallery counts.
     */
    private static void inspect(Database db, Map<String, Object> database, Map<String, Object> gallery,
                                Map<String, Object> webhooks) {
        database.put("ok", true);
        database.put("schemaVersion", db.schemaVersion());
        db.run(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM employee WHERE active), "
                         + "(SELECT COUNT(*) FROM face_template), (SELECT COUNT(*) FROM enrollment_crop)")) {
                rs.next();
                gallery.put("employees", rs.getInt(1));
                gallery.put("templates", rs.getInt(2));
                gallery.put("crops", rs.getInt(3));
            }
        });
        WebhookService hooks = new WebhookService(db);
        int count = hooks.list().size();
        if (count > 0) {
            WebhookService.Counts c = hooks.counts();
            webhooks.put("count", count);
            webhooks.put("pending", c.pending());
            webhooks.put("failing", c.failing());
            webhooks.put("lastError", hooks.list().stream().filter(w -> w.failing() > 0).map(w -> w.lastError())
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null));
        }
    }

    /** The networks the configured engine needs. */
    static List<String> modelsFor(Settings s) {
        List<String> names = new ArrayList<>();
        names.addAll(FaceNetworks.detector(s.engine().detector()).orElse(FaceNetworks.defaultDetector()).models());
        names.add(FaceNetworks.embedder(s.engine().embedder()).orElse(FaceNetworks.defaultEmbedder()).model());
        switch (s.liveness().mode()) {
            case NET -> names.add(ModelNames.ANTI_SPOOFING);
            case PASSIVE, CHALLENGE -> {
                if (!names.contains(ModelNames.LANDMARK68)) {
                    names.add(ModelNames.LANDMARK68);
                }
            }
            default -> { }
        }
        return names;
    }

    /** A JDBC URL without passwords: {@code PASSWORD=…} settings, {@code password=…} parameters, {@code user:pw@}. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password\\s*=)[^;&]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    /**
     * On a database server, this machine's kiosk journal: check-ins logged while the server was unreachable and not
     * uploaded yet (informational: the database entry says whether the server answers now).
     */
    private static Map<String, Object> offlineJournal(Settings settings, FaceKeys keys) {
        String url = settings.database().url();
        if (Database.Vendor.of(url).orElse(null) != Database.Vendor.POSTGRESQL || settings.kiosk().offline().isEmpty()
                || keys == null) {
            return null;
        }
        Path base = settings.kiosk().offline().get();
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("store", file.toString());
        if (!java.nio.file.Files.exists(file)) {
            m.put("pendingCheckIns", 0);
            return m;
        }
        try (io.facecheck.store.OfflineStore local = io.facecheck.store.OfflineStore.open(base, keys)) {
            m.put("pendingCheckIns", local.pendingCount(io.facecheck.store.OfflineStore.serverKey(url), null));
        } catch (io.facecheck.store.StoreException e) {
            m.put("problem", e.getMessage());
        }
        return m;
    }

    private static Long freeMb(Path dir) {
        try {
            Path p = dir;
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? null : Files.getFileStore(p).getUsableSpace() / (1024 * 1024);
        } catch (IOException e) {
            return null;
        }
    }

    /** Video devices on Linux, null where FaceCheck cannot tell without opening a camera (other systems). */
    private static List<String> videoDevices() {
        Path dev = Path.of("/dev");
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") || !Files.isDirectory(dev)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dev)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("video\\d+")).sorted()
                    .map(n -> "/dev/" + n).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> out) {
        Map<String, Object> db = (Map<String, Object>) out.get("database");
        Map<String, Object> models = (Map<String, Object>) out.get("models");
        Map<String, Object> gallery = (Map<String, Object>) out.get("gallery");
        Map<String, Object> enc = (Map<String, Object>) out.get("encryption");
        Map<String, Object> cam = (Map<String, Object>) out.get("camera");
        // OK/FAIL stay as they are in every language: a script may grep them
        line("cli.status.database.label", ok(db.get("ok")), Messages.get("cli.status.database.value", db.get("url"),
                String.valueOf(db.get("schemaVersion"))));
        line("cli.status.models.label", ok(models.get("ok")), Messages.get("cli.status.models.value",
                models.get("checked"), models.get("dir")));
        line("cli.status.gallery.label", "    ", Messages.get("cli.status.gallery.value", gallery.get("employees"),
                gallery.get("templates")));
        line("cli.status.encryption.label", ok(enc.get("ok")), Messages.get("cli.status.encryption.value",
                enc.get("keyId"), enc.get("key")) + (enc.containsKey("neededKeyIds")
                ? Messages.get("cli.status.encryption.needs", enc.get("neededKeyIds")) : ""));
        Map<String, Object> backup = (Map<String, Object>) out.get("lastBackup");
        line("cli.status.backup.label", backup == null ? "    " : ok(backup.get("restorable")), backup == null
                ? Messages.get("cli.status.backup.never") : Messages.get(Boolean.TRUE.equals(backup.get("restorable"))
                ? "cli.status.backup.restorable" : "cli.status.backup.notRestorable", backup.get("at"),
                backup.get("file")));
        line("cli.status.disk.label", "    ", Messages.get("cli.status.disk.value", out.get("diskFreeMb"),
                out.get("dataDir")));
        line("cli.status.camera.label", "    ", cam.get("available") == null ? Messages.get("cli.status.camera.unknown")
                : Boolean.TRUE.equals(cam.get("available")) ? String.valueOf(cam.get("devices"))
                : Messages.get("cli.status.camera.none"));
        line("cli.status.log.label", "    ", String.valueOf(out.get("logFile")));
        Map<String, Object> hooks = (Map<String, Object>) out.get("webhooks");
        if (hooks != null) {
            System.out.println(Messages.get("webhooks.status.line", hooks.get("count"), hooks.get("pending"),
                    hooks.get("failing"), hooks.get("lastError") == null ? "-" : hooks.get("lastError")));
        }
    }

    private static void line(String label, String mark, String value) {
        System.out.println(DisplayWidth.padRight(Messages.get(label), 12) + mark + "  " + value);
    }

    private static String ok(Object v) {
        return Boolean.TRUE.equals(v) ? "OK  " : "FAIL";
    }
}
