package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.Main;
import io.facecheck.store.AuditEntry;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.EventRepository;
import io.facecheck.store.PgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a real PostgreSQL server: the attendance commands, the login from the environment, and
 * the password never printed (stdout, stderr and the log at DEBUG are searched for it).
 */
class PostgresCommandsTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String photo(String person, int n) {
        return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, n)).toString();
    }

    /** The real {@code facecheck} in its own JVM with {@code env} added and the log at DEBUG. */
    private record Run(int exit, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    private Run facecheck(Map<String, String> env, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("FACECHECK_LOG", "DEBUG");
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().put("FACECHECK_HOME", dir.resolve("home").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("facecheck " + String.join(" ", args) + " did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theLoginComesFromTheEnvironmentAndThePasswordIsNeverPrinted() throws Exception {
        PgServer pg = PgServer.shared();
        String url = pg.newDatabase();
        String server = url.substring("jdbc:postgresql://".length());
        Map<String, String> login = Map.of("FACECHECK_DB_USER", PgServer.USER, "FACECHECK_DB_PASSWORD", pg.password());

        // set up as the app's first start does: a command that only reads does not create FaceCheck's schema
        pg.open(url).close();
        Run list = facecheck(login, "employees", "list", "--db", url, "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(JSON.readTree(list.out())).isEmpty();
        assertThat(list.all()).doesNotContain(pg.password());
        Run status = facecheck(login, "status", "--db", url, "--json");
        assertThat(status.exit()).as(status.err()).isNotEqualTo(ExitCodes.DATABASE);
        assertThat(status.all()).doesNotContain(pg.password());
        try (Database store = pg.open(url)) {
            new io.facecheck.store.KioskRegistry(store).beat("hall", "0.1.0", 2, java.time.Instant.now());
        }
        Run kiosks = facecheck(login, "kiosks", "--db", url, "--json");
        assertThat(kiosks.exit()).as(kiosks.err()).isZero();
        JsonNode listed = JSON.readTree(kiosks.out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo("hall");
        assertThat(listed.get(0).get("pendingEvents").asInt()).isEqualTo(2);
        assertThat(listed.get(0).get("online").asBoolean()).isTrue();
        assertThat(listed.get(0).has("lastSeen")).isTrue();
        assertThat(kiosks.all()).doesNotContain(pg.password());

        String wrong = "wrong-" + pg.password();
        Run refused = facecheck(Map.of("FACECHECK_DB_USER", PgServer.USER, "FACECHECK_DB_PASSWORD", wrong),
                "employees", "list", "--db", url, "--json");
        assertThat(refused.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(refused.err()).contains("cannot log in to PostgreSQL server " + server)
                .contains("wrong user or password");
        assertThat(refused.all()).doesNotContain(wrong).doesNotContain(pg.password());

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run down = facecheck(login, "report", "--db", "jdbc:postgresql://127.0.0.1:" + port + "/facecheck",
                "--from", "2026-03-01", "--to", "2026-03-02", "--out", dir.resolve("r.csv").toString());
        assertThat(down.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(down.err()).contains("cannot reach PostgreSQL server 127.0.0.1:" + port + "/facecheck");
        assertThat(down.all()).doesNotContain(pg.password());

        // and the log files the runs wrote
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(pg.password()).doesNotContain(wrong);
            }
        }
    }

    @Test
    void enrollIdentifyCheckInAtTwoKiosksReportAndEraseWorkOnPostgres() throws Exception {
        PgServer pg = PgServer.shared();
        String url = pg.newDatabase();
        // in-process runs cannot set the environment: the login goes in the URL's parameters here
        String db = url + "?user=" + PgServer.USER + "&password=" + pg.password();
        List<CliRun> runs = new ArrayList<>();

        CliRun enroll = run(runs, "enroll", "--db", db, "--code", "GWB", "--name", "George W. Bush", "--json",
                photo("George_W_Bush", 1), photo("George_W_Bush", 2), photo("George_W_Bush", 3));
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        CliRun id = run(runs, "identify", "--db", db, "--json", photo("George_W_Bush", 7));
        assertThat(JSON.readTree(id.out()).get("identity").asText()).as(id.err()).isEqualTo("GWB");

        String[] frames = {photo("George_W_Bush", 6), photo("George_W_Bush", 7), photo("George_W_Bush", 8)};
        JsonNode atA = JSON.readTree(checkin(runs, db, "A", "2026-03-02T08:55:00Z", frames).out());
        assertThat(atA.get("events")).hasSize(1);
        // kiosk B a minute later: the same person within the debounce, decided by the shared database
        JsonNode atB = JSON.readTree(checkin(runs, db, "B", "2026-03-02T08:56:00Z", frames).out());
        assertThat(atB.get("events")).isEmpty();
        JsonNode outAtB = JSON.readTree(checkin(runs, db, "B", "2026-03-02T17:30:00Z", frames).out());
        assertThat(outAtB.get("events").get(0).get("direction").asText()).isEqualTo("OUT");

        Path csv = dir.resolve("march.csv");
        CliRun report = run(runs, "report", "--db", db, "--from", "2026-03-01", "--to", "2026-03-31", "--no-bom",
                "--out", csv.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().filter(l -> l.contains("GWB"))).hasSize(2);

        CliRun erase = run(runs, "employees", "erase-face", "GWB", "--db", db, "--json");
        assertThat(erase.exit()).as(erase.err()).isZero();
        CliRun after = run(runs, "identify", "--db", db, "--json", photo("George_W_Bush", 7));
        assertThat(JSON.readTree(after.out()).get("identity").isNull()).isTrue();

        for (CliRun r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(pg.password());
        }
        try (Database store = pg.open(url)) {
            assertThat(new EventRepository(store).all()).extracting(e -> e.kioskId()).containsExactly("A", "B");
            for (AuditEntry a : new AuditLog(store).recent(100)) {
                assertThat(a.toString()).doesNotContain(pg.password());
            }
        }
    }

    @Test
    void aCheckInWithTheServerDownIsPendingThenSyncUploadsItOnceWithItsOriginalTime() throws Exception {
        PgServer pg = PgServer.start(0); // our own: it is stopped and started again
        try {
            String url = pg.newDatabase();
            Map<String, String> login = Map.of("FACECHECK_DB_USER", PgServer.USER, "FACECHECK_DB_PASSWORD",
                    pg.password());
            String[] frames = {photo("George_W_Bush", 6), photo("George_W_Bush", 7), photo("George_W_Bush", 8)};
            Run enroll = facecheck(login, "enroll", "--db", url, "--code", "GWB", "--name", "George W. Bush",
                    photo("George_W_Bush", 1), photo("George_W_Bush", 2), photo("George_W_Bush", 3));
            assertThat(enroll.exit()).as(enroll.err()).isZero();
            // the kiosk's first check-in with the server up also caches the gallery for later
            Run online = facecheck(login, checkinArgs(url, "2026-03-02T08:55:00Z", frames));
            assertThat(online.exit()).as(online.err()).isZero();
            JsonNode first = JSON.readTree(online.out()).get("events");
            assertThat(first).hasSize(1);
            assertThat(first.get(0).get("pending").asBoolean()).isFalse();

            pg.stop();
            Run offline = facecheck(login, checkinArgs(url, "2026-03-02T12:00:00Z", frames));
            assertThat(offline.exit()).as(offline.err()).isZero();
            JsonNode pending = JSON.readTree(offline.out()).get("events");
            assertThat(pending).hasSize(1);
            assertThat(pending.get(0).get("pending").asBoolean()).isTrue();
            assertThat(pending.get(0).get("code").asText()).isEqualTo("GWB");
            assertThat(pending.get(0).get("direction").asText()).as("the morning's IN is known offline too")
                    .isEqualTo("OUT");
            assertThat(offline.err()).contains("cannot be reached").contains("facecheck sync --kiosk A");
            String uuid = pending.get(0).get("uuid").asText();

            Run refused = facecheck(login, "sync", "--db", url, "--kiosk", "A", "--json");
            assertThat(refused.exit()).as("sync with the server still down").isEqualTo(ExitCodes.DATABASE);
            assertThat(refused.err()).contains("cannot reach PostgreSQL server");

            Run status = facecheck(login, "status", "--db", url, "--json");
            assertThat(status.exit()).as("status with the server down").isEqualTo(ExitCodes.DATABASE);
            assertThat(JSON.readTree(status.out()).at("/offline/pendingCheckIns").asInt()).as(status.out()).isEqualTo(1);

            pg.restart();
            Run sync = facecheck(login, "sync", "--db", url, "--kiosk", "A", "--json");
            assertThat(sync.exit()).as(sync.err()).isZero();
            assertThat(JSON.readTree(sync.out()).get("uploaded").asInt()).isEqualTo(1);
            Run again = facecheck(login, "sync", "--db", url, "--kiosk", "A", "--json");
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(JSON.readTree(again.out()).get("uploaded").asInt()).isZero();
            assertThat(JSON.readTree(again.out()).get("pending").asInt()).isZero();

            Path csv = dir.resolve("march.csv");
            Run report = facecheck(login, "report", "--db", url, "--from", "2026-03-01", "--to", "2026-03-31",
                    "--no-bom", "--out", csv.toString());
            assertThat(report.exit()).as(report.err()).isZero();
            List<String> gwb = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.contains("GWB")).toList();
            assertThat(gwb).hasSize(2);
            assertThat(gwb.get(0)).contains("08:55");
            assertThat(gwb.get(1)).contains("12:00");
            // (with the key those runs made: the face data on the server is sealed with it)
            try (Database store = Database.open(url, pg.credentials(),
                    io.facecheck.store.FaceKeys.configured(dir.resolve("home/config/facecheck.key")))) {
                assertThat(new EventRepository(store).all()).extracting(e -> e.uuid())
                        .contains(uuid).doesNotHaveDuplicates();
            }

            // identify and erase with the login from the environment too
            Run id = facecheck(login, "identify", "--db", url, "--json", photo("George_W_Bush", 7));
            assertThat(JSON.readTree(id.out()).get("identity").asText()).as(id.err()).isEqualTo("GWB");
            Run erase = facecheck(login, "employees", "erase-face", "GWB", "--db", url, "--json");
            assertThat(erase.exit()).as(erase.err()).isZero();
            Run gone = facecheck(login, "identify", "--db", url, "--json", photo("George_W_Bush", 7));
            assertThat(JSON.readTree(gone.out()).get("identity").isNull()).as(gone.out()).isTrue();

            // another machine that never reached the server has nothing cached: a clear error, exit 5
            pg.stop();
            Map<String, String> fresh = new java.util.HashMap<>(login);
            fresh.put("FACECHECK_HOME", dir.resolve("other-kiosk").toString());
            Run noCache = facecheck(fresh, checkinArgs(url, "2026-03-02T13:00:00Z", frames));
            assertThat(noCache.exit()).isEqualTo(ExitCodes.DATABASE);
            assertThat(noCache.err()).contains("cannot reach PostgreSQL server").contains("no cached gallery");
            for (Run r : List.of(enroll, online, offline, refused, status, sync, again, report, id, erase, gone, noCache)) {
                assertThat(r.all()).doesNotContain(pg.password());
            }
        } finally {
            pg.close();
        }
    }

    private static String[] checkinArgs(String url, String at, String... frames) {
        List<String> args = new ArrayList<>(List.of("checkin", "--db", url, "--kiosk", "A", "--at", at, "--json"));
        args.addAll(List.of(frames));
        return args.toArray(String[]::new);
    }

    private static CliRun run(List<CliRun> runs, String... args) {
        CliRun r = CliRun.of(args);
        runs.add(r);
        return r;
    }

    private static CliRun checkin(List<CliRun> runs, String db, String kiosk, String at, String... frames) {
        List<String> args = new ArrayList<>(List.of("checkin", "--db", db, "--kiosk", kiosk, "--at", at, "--json"));
        args.addAll(List.of(frames));
        CliRun r = run(runs, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

}
