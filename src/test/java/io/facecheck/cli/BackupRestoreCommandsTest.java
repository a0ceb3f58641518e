package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.TemplateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** backup while check-ins keep arriving, then restore into an empty database: the same people, faces and records. */
class BackupRestoreCommandsTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String photo(String person, int n) {
        return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, n)).toString();
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).resolve("fc");
    }

    private Path key() {
        return dir.resolve("config/facecheck.key");
    }

    private CliRun run(String db, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 4);
        all[args.length] = "--db";
        all[args.length + 1] = url(db);
        all[args.length + 2] = "--key-file";
        all[args.length + 3] = key().toString();
        return CliRun.of(all);
    }

    @Test
    void backupDuringACheckInStreamRestoresTheSamePeopleFacesAndRecords() throws Exception {
        for (String person : new String[]{"George_W_Bush", "Tony_Blair"}) {
            CliRun e = run("live", "enroll", "--code", person, "--name", person.replace('_', ' '), "--department", "Ops",
                    photo(person, 1), photo(person, 2), photo(person, 3));
            assertThat(e.exit()).as(e.err()).isZero();
        }
        CliRun admin = CliRun.withStdin("a long enough password\n", "admin-user", "add", "boss", "--db", url("live"),
                "--key-file", key().toString());
        assertThat(admin.exit()).as(admin.err()).isZero();
        CliRun in = run("live", "checkin", "--at", "2026-03-02T08:55:00Z", photo("George_W_Bush", 6),
                photo("George_W_Bush", 7), photo("George_W_Bush", 8));
        assertThat(in.exit()).as(in.err()).isZero();
        assertThat(in.out()).contains("IN George_W_Bush");

        // a kiosk keeps checking people in (April) while the backup is made
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Path backup = Files.createDirectories(dir.resolve("backups")).resolve("facecheck.zip");
        CliRun b;
        try (Database kiosk = Database.open(url("live"), FaceKeys.file(key()))) {
            long id = new EmployeeRepository(kiosk).require("Tony_Blair").id();
            EventRepository events = new EventRepository(kiosk);
            Thread stream = new Thread(() -> {
                Instant t = Instant.parse("2026-04-01T08:00:00Z");
                while (!stop.get()) {
                    events.insert(EventRepository.NewEvent.kiosk(id, t, ZoneId.of("UTC"),
                            written.get() % 2 == 0 ? Direction.IN : Direction.OUT, 0.5, null, "hall"));
                    written.incrementAndGet();
                    t = t.plusSeconds(3600);
                }
            }, "check-in stream");
            stream.start();
            waitFor(written, 20);
            b = run("live", "backup", "--out", backup.toString(), "--json");
            int atBackupEnd = written.get();
            waitFor(written, atBackupEnd + 20);
            stop.set(true);
            stream.join();
        }
        assertThat(b.exit()).as(b.err()).isZero();
        int inBackup = JSON.readTree(b.out()).at("/rows/check_in_event").asInt();
        int auditInBackup = JSON.readTree(b.out()).at("/rows/audit_log").asInt();
        assertThat(inBackup).as("taken while the stream ran").isGreaterThan(1).isLessThan(1 + written.get());

        CliRun r = run("restored", "restore", backup.toString());
        assertThat(r.exit()).as(r.err()).isZero();

        // the same employees list, the same March report, identify still right
        assertThat(run("restored", "employees", "list", "--json").out())
                .isEqualTo(run("live", "employees", "list", "--json").out());
        assertThat(report("restored")).isEqualTo(report("live")).contains("George_W_Bush,George W Bush,Ops,2026-03-02");
        CliRun who = run("restored", "identify", "--json", photo("Tony_Blair", 7));
        assertThat(JSON.readTree(who.out()).get("identity").asText()).as(who.err()).isEqualTo("Tony_Blair");

        // table by table: equal rows (face data byte for byte, still sealed); events: the stream up to the snapshot
        try (Database live = Database.open(url("live"), FaceKeys.file(key()));
             Database restored = Database.open(url("restored"), FaceKeys.file(key()))) {
            for (String table : List.of("employee", "face_template", "enrollment_crop", "admin_user")) {
                assertThat(rows(restored, table, "")).as(table).isEqualTo(rows(live, table, "")).isNotEmpty();
            }
            // the audit log as it was at the backup (later entries: the backup itself, the restore, the test's reports)
            List<Map<String, Object>> audit = rows(restored, "audit_log", "").subList(0, auditInBackup);
            assertThat(audit).isEqualTo(rows(live, "audit_log", "").subList(0, auditInBackup));
            assertThat(audit).extracting(m -> m.get("ACTION")).containsExactly("enroll", "enroll", "admin-user");
            List<Map<String, Object>> restoredEvents = rows(restored, "check_in_event", "");
            assertThat(restoredEvents).hasSize(inBackup)
                    .isEqualTo(rows(live, "check_in_event", "WHERE id <= " + restoredEvents.get(inBackup - 1).get("ID")));
            long gwb = new EmployeeRepository(restored).require("George_W_Bush").id();
            assertThat(new TemplateRepository(restored).cropsOf(gwb)).hasSize(3);
        }

        // a database with data is not overwritten unless asked
        CliRun again = run("restored", "restore", backup.toString());
        assertThat(again.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).contains("is not empty").contains("--force");
        assertThat(run("restored", "restore", backup.toString(), "--force").exit()).isZero();
    }

    private String report(String db) throws Exception {
        Path out = dir.resolve(db + "-march.csv");
        CliRun r = run(db, "report", "--from", "2026-03-01", "--to", "2026-03-31", "--summary", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return Files.readString(out);
    }

    private static void waitFor(AtomicInteger n, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (n.get() < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(n.get()).isGreaterThanOrEqualTo(atLeast);
    }

    /** Every column of every row, ordered by id; binary values as base64. */
    private static List<Map<String, Object>> rows(Database db, String table, String where) {
        return db.inTransaction(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM " + table + " " + where + " ORDER BY id")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof byte[] bytes) {
                            v = Base64.getEncoder().encodeToString(bytes);
                        } else if (v instanceof java.sql.Array a) {
                            v = Arrays.toString((Object[]) a.getArray());
                        } else if (v != null) {
                            v = v.toString();
                        }
                        row.put(md.getColumnName(i), v);
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }
}
