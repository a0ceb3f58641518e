package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.TemplateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code facecheck status} on a real H2 file database and the real models folder. */
class StatusCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("data/fc");
    }

    private Path key() {
        return dir.resolve("config/facecheck.key");
    }

    private void seed() {
        try (Database db = Database.open(db(), FaceKeys.file(key()))) {
            long id = new EmployeeRepository(db).create("E1", "Ada", null).id();
            new TemplateRepository(db).add(id, null, "mobilefacenet", new float[]{0.6f, 0.8f}, 1, "test");
            new EmployeeRepository(db).create("E2", "Bo", null);
        }
    }

    @Test
    void healthyInstallReportsEveryFieldAndExitsZeroWithoutACamera() throws Exception {
        seed();
        CliRun r = CliRun.of("status", "--json", "--db", db(), "--key-file", key().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("ok").asBoolean()).isTrue();
        assertThat(s.at("/database/ok").asBoolean()).isTrue();
        assertThat(s.at("/database/url").asText()).isEqualTo(db())
                .doesNotContain("PASSWORD");
        assertThat(s.at("/database/schemaVersion").asText()).isEqualTo(latestMigration());
        assertThat(s.at("/models/ok").asBoolean()).isTrue();
        assertThat(s.at("/models/checked")).extracting(JsonNode::asText)
                .containsExactly("pnet", "rnet", "onet", "mobilefacenet");
        assertThat(s.at("/gallery/employees").asInt()).isEqualTo(2);
        assertThat(s.at("/gallery/templates").asInt()).isEqualTo(1);
        assertThat(s.at("/encryption/ok").asBoolean()).isTrue();
        assertThat(s.at("/encryption/key").asText()).isEqualTo(key().toString());
        assertThat(s.get("lastBackup").isNull()).isTrue();
        assertThat(s.get("diskFreeMb").asLong()).isPositive();
        assertThat(s.at("/camera").has("available")).isTrue();
        assertThat(s.at("/camera/required").asBoolean()).isFalse();

        // after a backup, status says when
        Path backup = dir.resolve("b.zip");
        assertThat(CliRun.of("backup", "--out", backup.toString(), "--db", db(), "--key-file", key().toString()).exit())
                .isZero();
        CliRun after = CliRun.of("status", "--json", "--db", db(), "--key-file", key().toString(), "--models",
                dir.resolve("skip-the-models-this-time").toString());
        JsonNode last = JSON.readTree(after.out()).get("lastBackup");
        assertThat(last.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(last.get("file").asText()).isEqualTo(backup.toString());
        assertThat(last.get("restorable").asBoolean()).as(last.toString()).isTrue();
    }

    /** The highest Flyway version among the H2 and shared migration scripts. */
    private static String latestMigration() throws java.io.IOException {
        int max = 0;
        for (String folder : new String[]{"h2", "common"}) {
            Path d = Path.of("src/main/resources/db/migration", folder);
            try (var files = Files.list(d)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    var m = java.util.regex.Pattern.compile("V(\\d+)__.*\\.sql").matcher(f.getFileName().toString());
                    if (m.matches()) {
                        max = Math.max(max, Integer.parseInt(m.group(1)));
                    }
                }
            }
        }
        return Integer.toString(max);
    }

    @Test
    void missingModelsFolderExitsFourAndSaysSo() throws Exception {
        seed();
        Path noModels = dir.resolve("models-gone");
        CliRun r = CliRun.of("status", "--json", "--db", db(), "--key-file", key().toString(), "--models",
                noModels.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.MODEL);
        assertThat(r.err()).contains("models: pnet: folder missing: " + noModels.toAbsolutePath());
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("ok").asBoolean()).isFalse();
        assertThat(s.at("/models/ok").asBoolean()).isFalse();
        assertThat(s.at("/database/ok").asBoolean()).isTrue();
    }

    @Test
    void wrongKeyExitsFiveNamingTheKey() throws Exception {
        seed();
        Path other = dir.resolve("other.key");
        Files.writeString(other, Base64.getEncoder().encodeToString(FaceKeys.generate()));
        CliRun r = CliRun.of("status", "--db", db(), "--key-file", other.toString(), "--models",
                dir.resolve("nothing").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(r.err()).contains("encryption: cannot decrypt the face data: wrong or missing key (" + other + ")");
        assertThat(r.out()).contains("encryption  FAIL");
    }

    @Test
    void wrongKeyReportsTheDatabaseTheCountsAndTheBackupForWhatTheyAre() throws Exception {
        seed();
        Path backup = dir.resolve("b.zip");
        assertThat(CliRun.of("backup", "--out", backup.toString(), "--db", db(), "--key-file", key().toString()).exit())
                .isZero();
        FaceKeys a = FaceKeys.file(key());
        a.load(false);
        Path other = dir.resolve("other.key");
        Files.writeString(other, Base64.getEncoder().encodeToString(FaceKeys.generate()));
        FaceKeys b = FaceKeys.file(other);
        b.load(false);

        CliRun r = CliRun.of("status", "--json", "--db", db(), "--key-file", other.toString(), "--models",
                dir.resolve("nothing").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.DATABASE);
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("ok").asBoolean()).isFalse();
        assertThat(s.at("/database/ok").asBoolean()).as(r.out()).isTrue();
        assertThat(s.at("/database/schemaVersion").asText()).isEqualTo(latestMigration());
        assertThat(s.at("/database").has("problem")).isFalse();
        assertThat(s.at("/encryption/ok").asBoolean()).isFalse();
        assertThat(s.at("/encryption/key").asText()).isEqualTo(other.toString());
        assertThat(s.at("/encryption/keyId").asText()).isEqualTo(b.currentId());
        assertThat(s.at("/encryption/neededKeyIds")).extracting(JsonNode::asText).containsExactly(a.currentId());
        assertThat(s.at("/encryption/problem").asText()).contains("wrong or missing key");
        assertThat(s.at("/gallery/employees").asInt()).isEqualTo(2);
        assertThat(s.at("/gallery/templates").asInt()).isEqualTo(1);
        assertThat(s.at("/lastBackup/at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(r.err()).contains("encryption: cannot decrypt the face data").doesNotContain("database:");

        CliRun text = CliRun.of("status", "--db", db(), "--key-file", other.toString(), "--models",
                dir.resolve("nothing").toString());
        assertThat(text.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(text.out()).contains("database    OK").contains("2 employees")
                .contains("encryption  FAIL").contains(a.currentId()).doesNotContain("never").doesNotContain("null");
    }

    @Test
    void urlsLoseTheirPasswords() {
        assertThat(StatusCommand.redact("jdbc:h2:file:/d/fc;USER=sa;PASSWORD=secret;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/d/fc;USER=sa;PASSWORD=***;AUTO_SERVER=TRUE");
        assertThat(StatusCommand.redact("jdbc:postgresql://kiosk:pw@db.example:5432/fc?ssl=true&password=x"))
                .isEqualTo("jdbc:postgresql://kiosk:***@db.example:5432/fc?ssl=true&password=***");
    }

    /**
     * Issue 21, item 3: the disk under the database fills up. A real H2 file on a real, small tmpfs filled to the last
     * byte (root only: skipped elsewhere, saying so): status names the disk and exits 5, as for a database that is
     * down, since check-ins cannot be stored.
     */
    @Test
    void aFullDiskUnderTheDatabaseExitsFiveAndSaysSo() throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("mnt"));
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
                        && new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mnt.toString())
                        .inheritIO().start().waitFor() == 0,
                "needs root and tmpfs mounts to fill a disk for real");
        try {
            String url = "jdbc:h2:file:" + mnt.resolve("fc");
            try (Database db = Database.open(url, FaceKeys.file(key()))) {
                new EmployeeRepository(db).create("E1", "Ada", null);
            }
            byte[] block = new byte[64 * 1024];
            try (var out = Files.newOutputStream(mnt.resolve("filler"))) {
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // the disk is full now
            }
            CliRun r = CliRun.of("status", "--json", "--db", url, "--key-file", key().toString());
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(r.err()).contains("disk: the disk under " + mnt + " is full (0 MB free)");
            JsonNode s = JSON.readTree(r.out());
            assertThat(s.get("ok").asBoolean()).isFalse();
            assertThat(s.get("diskFreeMb").asLong()).isZero();
            Files.delete(mnt.resolve("filler"));
            CliRun again = CliRun.of("status", "--db", url, "--key-file", key().toString());
            assertThat(again.exit()).as("healthy again once there is space: %s", again.err()).isZero();
        } finally {
            new ProcessBuilder("umount", "-l", mnt.toString()).inheritIO().start().waitFor();
        }
    }
}
