package io.facecheck.app;

import io.facecheck.config.AppDirs;
import io.facecheck.config.LocalizedMessage;
import io.facecheck.config.Settings;
import io.facecheck.store.BackupCatalog;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.OfflineStore;
import io.facecheck.store.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code facecheck status} tells of the database side of an install: whether the database opens (and its
 * schema and gallery counts), whether the face-data key fits (and, when it does not, which keys the data needs),
 * whether the last backup can be restored, and this machine's kiosk journal. Read only; never creates anything.
 *
 * @param database     {@code ok}, {@code schemaVersion}, and {@code problem} when it does not open
 * @param gallery      active employees, templates and enrollment crops (empty when the database does not open)
 * @param encryption   the key, its id, whether only its owner can read the file, a pending rotation, or the problem
 * @param lastBackup   the last backup (from the audit log) and whether it is restorable; null when none
 * @param offline      the kiosk journal on a database server; null where there is none
 * @param problems     what is wrong, for the user (in this order)
 * @param failed       whether the database or the key is not usable
 * @param webhooks     {@code count}, {@code pending}, {@code failing}, {@code lastError} of the webhooks; empty when
 *                     there are none or the database does not open
 */
public record StoreStatus(Map<String, Object> database, Map<String, Object> gallery, Map<String, Object> encryption,
                          Map<String, Object> lastBackup, Map<String, Object> offline,
                          List<LocalizedMessage> problems, boolean failed, Map<String, Object> webhooks) {

    /** Looks at the database and key of {@code settings}; {@code database} is filled in from {@code database}. */
    public static StoreStatus check(Settings settings, Map<String, Object> database) {
        List<LocalizedMessage> problems = new ArrayList<>();
        Map<String, Object> gallery = new LinkedHashMap<>();
        Map<String, Object> webhooks = new LinkedHashMap<>();
        Map<String, Object> encryption = new LinkedHashMap<>();
        String url = settings.database().url();
        Map<String, Object> lastBackup = null;
        Database.Credentials login = Backend.login(settings);
        FaceKeys keys = null;
        StoreException keyProblem = null;
        StoreException dbProblem = null;
        try {
            keys = FaceKeys.configured(settings.security().keyFile());
            encryption.put("key", keys.describe());
        } catch (StoreException e) {
            keyProblem = e;
        }
        if (keys != null) {
            try (Database db = Database.open(url, login, keys, Database.OpenMode.EXISTING)) {
                inspect(db, database, gallery, webhooks);
                encryption.put("ok", true);
                encryption.put("keyId", keys.currentId());
                encryption.put("keyFileOwnerOnly", keys.ownerOnly());
                keys.pendingId().ifPresent(p -> {
                    encryption.put("rotationPending", p);
                    problems.add(LocalizedMessage.of("cli.status.rotationUnfinished", p));
                });
                if (!keys.ownerOnly()) {
                    problems.add(LocalizedMessage.of("cli.status.keyReadable", keys.describe()));
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
            problems.add(LocalizedMessage.of("cli.status.encryption", keyProblem.getLocalizedMessage()));
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
            problems.add(LocalizedMessage.of("cli.status.database", dbProblem.getLocalizedMessage()));
            encryption.putIfAbsent("ok", false);
        }
        return new StoreStatus(database, gallery, encryption, lastBackup, offlineJournal(settings, keys), problems,
                keyProblem != null || dbProblem != null, webhooks);
    }

    /** The folder of the database file, or for a database server the application's data folder. */
    public static Path dataDir(Settings settings) {
        return Database.fileOf(settings.database().url()).map(Path::getParent).orElse(AppDirs.current().dataDir());
    }

    /**
     * The last backup: {@code at}, {@code file}, {@code keyIds} and {@code restorable}, which is true when its file
     * is there and every key it needs is in the keyring (a problem otherwise; the database itself is fine).
     */
    private static Map<String, Object> lastBackup(BackupCatalog.Entry b, FaceKeys keys, List<LocalizedMessage> problems) {
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
            problems.add(LocalizedMessage.of("cli.status.backup", b.file(), why));
        }
        return m;
    }

    /** What can be read of an open database without its face-data key: schema version and gallery counts. */
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
        List<io.facecheck.store.Webhook> all = hooks.list();
        if (!all.isEmpty()) {
            WebhookService.Counts c = hooks.counts();
            webhooks.put("count", all.size());
            webhooks.put("pending", c.pending());
            webhooks.put("failing", c.failing());
            webhooks.put("lastError", all.stream().filter(w -> w.failing() > 0).map(io.facecheck.store.Webhook::lastError)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null));
        }
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
        if (!Files.exists(file)) {
            m.put("pendingCheckIns", 0);
            return m;
        }
        try (OfflineStore local = OfflineStore.open(base, keys)) {
            m.put("pendingCheckIns", local.pendingCount(OfflineStore.serverKey(url), null));
        } catch (StoreException e) {
            m.put("problem", e.getMessage());
        }
        return m;
    }
}
