package io.facecheck.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class DatabaseTest {
    @TempDir
    Path dir;

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).toString().replace('\\', '/');
    }

    @Test
    void migratesAnEmptyFolderToTheFullSchema() {
        Path sub = dir.resolve("not/yet/there");
        try (Database db = Database.open("jdbc:h2:file:" + sub.resolve("fc"))) {
            List<String> tables = db.inTransaction(c -> {
                List<String> t = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT TABLE_NAME FROM "
                        + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
                    while (rs.next()) {
                        t.add(rs.getString(1).toLowerCase());
                    }
                }
                return t;
            });
            assertThat(tables).contains("employee", "face_template", "enrollment_crop", "check_in_event",
                    "audit_log", "admin_user", "unknown_face", "flyway_schema_history");
            assertThat(db.url()).contains("AUTO_SERVER=TRUE");
        }
        assertThat(sub.resolve("fc.mv.db")).exists();
        // opening again finds the schema current and changes nothing
        try (Database db = Database.open("jdbc:h2:file:" + sub.resolve("fc"))) {
            int versions = db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\"")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(versions).isEqualTo(1);
        }
    }

    @Test
    void rollsBackEveryRowWhenAMultiRowWriteFails() {
        try (Database db = Database.open(url("fc"))) {
            var employees = new EmployeeRepository(db);
            assertThatThrownBy(() -> db.run(c -> {
                employees.create("E1", "Ada", null);
                employees.create("E2", "Bob", null);
                employees.create("E1", "Duplicate", null);
            })).isInstanceOf(StoreException.class).hasMessageContaining("E1 already exists");
            assertThat(employees.list(true)).isEmpty();
        }
    }

    @Test
    void refusesAReadOnlyDatabaseWithAClearMessage() {
        try (Database db = Database.open(url("ro"))) {
            new EmployeeRepository(db).create("E1", "Ada", null);
        }
        assertThatThrownBy(() -> Database.open(url("ro") + ";ACCESS_MODE_DATA=r"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("read-only")
                .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.READ_ONLY));
    }

    @Test
    void refusesADatabaseFileWithoutWritePermission() throws Exception {
        try (Database db = Database.open(url("perm"))) {
            new EmployeeRepository(db).create("E1", "Ada", null);
        }
        Path file = dir.resolve("perm.mv.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(file), "running as a user who can write read-only files (root)");
        assertThatThrownBy(() -> Database.open(url("perm")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("perm.mv.db is read-only");
    }

    @Test
    void saysTheDatabaseIsInUseWhenAnotherProcessHoldsItUnshared() throws Exception {
        String url = url("locked");
        try (Database db = Database.open(url)) {
            new EmployeeRepository(db).create("E1", "Ada", null);
        }
        Process holder = Subprocess.java(DbHolderMain.class, url + ";AUTO_SERVER=FALSE");
        try {
            BufferedReader out = Subprocess.stdout(holder);
            assertThat(out.readLine()).isEqualTo("READY");
            assertThatThrownBy(() -> Database.open(url + ";AUTO_SERVER=FALSE"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("locked.mv.db is in use by another process")
                    .hasMessageContaining("(tried ")
                    .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.IN_USE));
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void waitsForAnotherProcessThatLetsGoOfTheFileWithinAFewSeconds() throws Exception {
        String url = url("briefly");
        try (Database db = Database.open(url)) {
            new EmployeeRepository(db).create("E1", "Ada", null);
        }
        Process holder = Subprocess.java(DbHolderMain.class, url + ";AUTO_SERVER=FALSE");
        try {
            assertThat(Subprocess.stdout(holder).readLine()).isEqualTo("READY");
            // the holder lets go a moment after our first try met its lock
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(1_000);
                    holder.getOutputStream().close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            try (Database db = Database.open(url + ";AUTO_SERVER=FALSE")) {
                assertThat(new EmployeeRepository(db).list(true)).extracting(Employee::code).containsExactly("E1");
            }
            release.join();
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aTransactionCutOffByTheServingProcessClosingTheFileIsRunAgain() throws Exception {
        String url = url("handover");
        try (Database db = Database.open(url)) {
            new EmployeeRepository(db).create("E1", "Ada", null);
        }
        Process holder = Subprocess.java(DbHolderMain.class, url + ";AUTO_SERVER=TRUE");
        try {
            assertThat(Subprocess.stdout(holder).readLine()).isEqualTo("READY");
            try (Database db = Database.open(url)) { // through the holder's server
                var employees = new EmployeeRepository(db);
                AtomicInteger runs = new AtomicInteger();
                db.run(c -> {
                    employees.create("E2", "Bo", null);
                    if (runs.incrementAndGet() == 1) {
                        // the process serving the file closes it in the middle of the transaction
                        endHolder(holder);
                    }
                    employees.create("E3", "Cy", null);
                });
                assertThat(runs).hasValue(2);
                assertThat(employees.list(true)).extracting(Employee::code).containsExactly("E1", "E2", "E3");
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    private static void endHolder(Process holder) {
        try {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).as("the holder ended").isTrue();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWrongPasswordIsNotRetried() {
        String url = url("guarded");
        try (Database db = Database.open(url, new Database.Credentials("sa", "right"))) {
            new EmployeeRepository(db).create("E1", "Ada", null);
        }
        assertThatThrownBy(() -> Database.open(url, new Database.Credentials("sa", "wrong")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("wrong user or password")
                // a retried error says how often it was tried
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tried"));
    }

    @Test
    void aSchemaWrittenByANewerFaceCheckIsRefusedAtOnce() throws Exception {
        String url = url("future");
        try (Database db = Database.open(url)) {
            db.run(c -> c.createStatement().execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", "
                    + "\"version\", \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", "
                    + "\"success\") VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 'sa', 0, TRUE)"));
        }
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema version 999, newer than this FaceCheck knows")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("tried"));
    }

    @Test
    void sharesTheDatabaseWithAnotherProcessThroughAutoServer() throws Exception {
        String url = url("shared");
        try (Database db = Database.open(url)) {
            new EmployeeRepository(db).create("E1", "Ada", null);
        }
        Process holder = Subprocess.java(DbHolderMain.class, url + ";AUTO_SERVER=TRUE");
        try {
            assertThat(Subprocess.stdout(holder).readLine()).isEqualTo("READY");
            try (Database db = Database.open(url)) {
                var employees = new EmployeeRepository(db);
                employees.create("E2", "Bo", null);
                assertThat(employees.list(true)).extracting(Employee::code).containsExactly("E1", "E2");
            }
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void rejectsADatabaseThatIsNeitherH2NorPostgres() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://x/y?password=hunter2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a supported database URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void reportsAFileThatIsNotADatabase() throws Exception {
        Files.writeString(dir.resolve("junk.mv.db"), "this is not a database, just some text ".repeat(200));
        assertThatThrownBy(() -> Database.open(url("junk")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("junk");
    }
}
