package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Backups;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.PgServer;
import io.facecheck.store.TemplateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistyped {@code --db}: only the commands that are meant to create a database may create one (and a key). The
 * others say there is no FaceCheck database there, exit 5, and leave no file behind: no {@code .mv.db}, no folder,
 * no key file.
 */
class NoDatabaseCommandsTest {
    @TempDir
    Path dir;

    /** A database path that was never created, in a folder that does not exist. */
    private Path typo() {
        return dir.resolve("typo/fc");
    }

    private String typoUrl() {
        return "jdbc:h2:file:" + typo();
    }

    /** A key file in a folder that does not exist either. */
    private Path missingKey() {
        return dir.resolve("keys/facecheck.key");
    }

    private void assertRefusedAndNothingCreated(CliRun r) throws Exception {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.DATABASE);
        assertThat(r.err()).contains("no FaceCheck database at " + typo() + ".mv.db").doesNotContain("Exception");
        assertThat(dir.resolve("typo")).doesNotExist();
        assertThat(dir.resolve("keys")).doesNotExist();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".mv.db") || f.toString().endsWith(".key")))
                    .isEmpty();
        }
    }

    @Test
    void reportOnAMistypedDatabaseExitsFiveAndCreatesNothing() throws Exception {
        Path out = dir.resolve("march.csv");
        CliRun r = CliRun.of("report", "--db", typoUrl(), "--key-file", missingKey().toString(), "--from",
                "2026-03-01", "--to", "2026-03-31", "--out", out.toString());
        assertRefusedAndNothingCreated(r);
        assertThat(r.out()).doesNotContain("wrote");
        assertThat(out).doesNotExist();
    }

    @Test
    void statusOnAMistypedDatabaseSaysSoAndCreatesNothing() throws Exception {
        CliRun r = CliRun.of("status", "--json", "--db", typoUrl(), "--key-file", missingKey().toString(),
                "--models", dir.resolve("no-models").toString());
        assertRefusedAndNothingCreated(r);
        JsonNode s = new ObjectMapper().readTree(r.out());
        assertThat(s.get("ok").asBoolean()).isFalse();
        assertThat(s.at("/database/ok").asBoolean()).isFalse();
        assertThat(s.at("/database/problem").asText()).startsWith("no FaceCheck database at ");
    }

    @Test
    void listingEmployeesOfAMistypedDatabaseExitsFiveAndCreatesNothing() throws Exception {
        CliRun r = CliRun.of("employees", "list", "--db", typoUrl(), "--key-file", missingKey().toString());
        assertRefusedAndNothingCreated(r);
    }

    @Test
    void backingUpAMistypedDatabaseWritesNoBackup() throws Exception {
        Path backup = dir.resolve("b.zip");
        CliRun r = CliRun.of("backup", "--out", backup.toString(), "--db", typoUrl(), "--key-file",
                missingKey().toString());
        assertRefusedAndNothingCreated(r);
        assertThat(backup).doesNotExist();
    }

    @Test
    void restoreWithAKeyFileThatDoesNotExistCreatesNeitherTheDatabaseNorAKey() throws Exception {
        // a backup whose face data is sealed under a key kept elsewhere
        Path live = dir.resolve("live/fc");
        Path realKey = dir.resolve("real.key");
        Path backup = dir.resolve("b.zip");
        try (Database db = Database.open("jdbc:h2:file:" + live, FaceKeys.file(realKey))) {
            long id = new EmployeeRepository(db).create("E1", "Ada", null).id();
            new TemplateRepository(db).add(id, null, "mobilefacenet", new float[]{0.6f, 0.8f}, 1, "test");
            Backups.backup(db, backup, false, "test");
        }
        CliRun r = CliRun.of("restore", backup.toString(), "--db", typoUrl(), "--key-file", missingKey().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.DATABASE);
        assertThat(r.err()).contains("the key file does not exist").contains(missingKey().toString())
                .contains("nothing was changed");
        assertThat(dir.resolve("typo")).doesNotExist();
        assertThat(dir.resolve("keys")).doesNotExist();

        // with the right key the same restore creates the database
        CliRun ok = CliRun.of("restore", backup.toString(), "--db", typoUrl(), "--key-file", realKey.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Path.of(typo() + ".mv.db")).exists();
    }

    @Test
    void anExistingH2FileThatIsNotAFaceCheckDatabaseIsNotMigratedByAReadCommand() throws Exception {
        Path other = dir.resolve("other");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + other, "sa", "")) {
            c.createStatement().execute("CREATE TABLE notes(id INT)");
        }
        CliRun r = CliRun.of("employees", "list", "--db", "jdbc:h2:file:" + other, "--key-file",
                missingKey().toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.DATABASE);
        assertThat(r.err()).contains("no FaceCheck database at " + other + ".mv.db");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + other, "sa", "");
             ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            assertThat(rs.next()).as("a flyway history table").isFalse();
        }
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void aPostgresDatabaseWithoutTheFaceCheckSchemaIsNotMigratedByAReadCommand() throws Exception {
        PgServer pg = PgServer.shared();
        String url = pg.newDatabase();
        // in-process, the login goes in the URL (the driver's own parameters)
        String withLogin = url + "?user=" + PgServer.USER + "&password=" + pg.password();
        CliRun r = CliRun.of("report", "--db", withLogin, "--key-file", missingKey().toString(), "--from",
                "2026-03-01", "--to", "2026-03-31", "--out", dir.resolve("r.csv").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.DATABASE);
        assertThat(r.err()).contains("no FaceCheck database at PostgreSQL server 127.0.0.1:" + pg.port());
        try (Connection c = DriverManager.getConnection(url, PgServer.USER, pg.password());
             ResultSet rs = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            assertThat(rs.next()).as("a flyway history table").isFalse();
        }
        assertThat(dir.resolve("keys")).doesNotExist();
    }
}
