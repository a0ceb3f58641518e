package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.FaceDataScan;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.RotationCrashMain;
import io.facecheck.store.Subprocess;
import io.facecheck.store.TemplateRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Encrypted face data through the command line: enroll, wrong keys, keys rotate and crashes during it (lfw10). */
class EncryptionCommandsTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path enrolled;
    @TempDir
    Path dir;

    private static String photo(String person, int n) {
        return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, n)).toString();
    }

    /** Two people enrolled on a fresh database (copied for each test). */
    @BeforeAll
    static void enrollTwoPeople() {
        String[] where = {"--db", "jdbc:h2:file:" + enrolled.resolve("data/fc"), "--key-file",
                enrolled.resolve("config/facecheck.key").toString()};
        for (String person : new String[]{"George_W_Bush", "Tony_Blair"}) {
            CliRun r = CliRun.of(concat(new String[]{"enroll", "--code", person, "--name", person,
                    photo(person, 1), photo(person, 2), photo(person, 3)}, where));
            assertThat(r.exit()).as(r.err()).isZero();
        }
    }

    @BeforeEach
    void copyTheEnrolledDatabase() throws IOException {
        try (Stream<Path> files = Files.walk(enrolled)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(enrolled.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("data/fc");
    }

    private Path key() {
        return dir.resolve("config/facecheck.key");
    }

    private CliRun run(String... args) {
        return CliRun.of(concat(args, new String[]{"--db", db(), "--key-file", key().toString()}));
    }

    private String identify(String person, int n) throws IOException {
        CliRun r = run("identify", "--json", photo(person, n));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode who = JSON.readTree(r.out());
        return who.get("identity").isNull() ? null : who.get("identity").asText();
    }

    private float[] template(Path keyFile) {
        try (Database db = Database.open(db(), FaceKeys.file(keyFile))) {
            long id = new EmployeeRepository(db).require("George_W_Bush").id();
            return new TemplateRepository(db).listByEmployee(id).get(0).vector();
        }
    }

    @Test
    void enrollLeavesNoFaceOrTemplateInTheClearAndOnlyOwnerOnlyFiles() throws IOException {
        float[] v = template(key());
        assertThat(v).hasSize(192);
        assertThat(FaceDataScan.filesContaining(enrolled, FaceDataScan.PNG)).isEmpty();
        assertThat(FaceDataScan.filesContainingVector(enrolled, v)).isEmpty();
        for (Path f : new Path[]{enrolled.resolve("data/fc.mv.db"), enrolled.resolve("config/facecheck.key")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(enrolled.resolve("data"))))
                .isEqualTo("rwx------");
        // the crops are really there, just not readable without the key
        try (Database db = Database.open(db(), FaceKeys.file(key()))) {
            assertThat(new TemplateRepository(db).allCrops()).hasSize(6)
                    .allSatisfy(c -> assertThat(c.png()).startsWith(FaceDataScan.PNG));
        }
    }

    @Test
    void wrongOrMissingKeyExitsFiveNamingTheKeyFile() throws IOException {
        Path other = dir.resolve("other.key");
        Files.writeString(other, Base64.getEncoder().encodeToString(FaceKeys.generate()) + "\n");
        CliRun wrong = CliRun.of("identify", "--db", db(), "--key-file", other.toString(), photo("George_W_Bush", 7));
        assertThat(wrong.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(wrong.err()).contains("cannot decrypt the face data: wrong or missing key (" + other + ")")
                .doesNotContain("Exception");
        assertThat(wrong.out()).isEmpty();
        Path missing = dir.resolve("nowhere.key");
        CliRun none = CliRun.of("employees", "list", "--db", db(), "--key-file", missing.toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(none.err()).contains("cannot decrypt the face data: wrong or missing key (" + missing + ")");
    }

    @Test
    void keysRotateKeepsIdentificationWorkingAndRetiresTheOldKey() throws IOException {
        float[] before = template(key());
        Path oldKey = dir.resolve("old.key");
        Files.copy(key(), oldKey);
        CliRun rot = run("keys", "rotate", "--json");
        assertThat(rot.exit()).as(rot.err()).isZero();
        JsonNode r = JSON.readTree(rot.out());
        assertThat(r.get("records").asInt()).isEqualTo(12); // 6 crops + 6 templates
        assertThat(r.get("newKeyId").asText()).isNotEqualTo(r.get("oldKeyId").asText());
        assertThat(Files.readString(key())).isNotEqualTo(Files.readString(oldKey));
        assertThat(identify("George_W_Bush", 7)).isEqualTo("George_W_Bush");
        assertThat(template(key())).containsExactly(before);
        CliRun stale = CliRun.of("employees", "list", "--db", db(), "--key-file", oldKey.toString());
        assertThat(stale.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(stale.err()).contains("cannot decrypt the face data: wrong or missing key (" + oldKey + ")");
    }

    @Test
    void crashHalfwayThroughTheReencryptionLeavesAWorkingDatabase() throws Exception {
        float[] before = template(key());
        assertThat(crashRotation("record:5")).isEqualTo(77);
        // the transaction never committed: old records, both key files
        assertThat(Path.of(key() + ".new")).exists();
        assertThat(identify("Tony_Blair", 7)).isEqualTo("Tony_Blair");
        assertThat(template(key())).containsExactly(before);
        // running the rotation again finishes it
        String oldId = keyIds().get(0);
        CliRun again = run("keys", "rotate");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Path.of(key() + ".new")).doesNotExist();
        assertThat(template(key())).containsExactly(before);
        assertThat(keyIds()).hasSize(2).element(1).isEqualTo(oldId);
    }

    @Test
    void crashAfterTheCommitBeforeTheKeyFileMovesLeavesAWorkingDatabase() throws Exception {
        float[] before = template(key());
        String oldKey = Files.readString(key());
        Path backup = backup("before.zip");
        assertThat(crashRotation("committed")).isEqualTo(77);
        assertThat(Path.of(key() + ".new")).exists();
        assertThat(Files.readString(key())).isEqualTo(oldKey);
        // every record needs the new key now: the next open moves it into place
        assertThat(identify("George_W_Bush", 7)).isEqualTo("George_W_Bush");
        assertThat(Path.of(key() + ".new")).doesNotExist();
        assertThat(Files.readString(key())).isNotEqualTo(oldKey);
        assertThat(template(key())).containsExactly(before);
        // the finished move kept the old key as retired: the backup from before still restores
        CliRun restore = CliRun.of("restore", backup.toString(), "--db", db("restored"), "--key-file", key().toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
    }

    @Test
    void aBackupFromBeforeARotationRestoresWithTheSameKeyFileAndEndsUnderTheActiveKey() throws Exception {
        String oldId = keyIds().get(0);
        Path backup = backup("before.zip");
        // a backup folder of this test's own: the shared default one may hold other tests' daily backups
        Path daily = Files.createDirectories(dir.resolve("daily-backups"));
        CliRun rot = run("keys", "rotate", "--json", "--backup-dir", daily.toString());
        assertThat(rot.exit()).as(rot.err()).isZero();
        JsonNode r = JSON.readTree(rot.out());
        assertThat(r.get("retiredKeyId").asText()).isEqualTo(oldId);
        assertThat(r.get("restorableBackups").asInt()).isEqualTo(1);
        assertThat(r.get("backups")).extracting(JsonNode::asText).containsExactly(backup.toString());
        CliRun human = run("keys", "rotate", "--backup-dir", daily.toString());
        assertThat(human.out()).contains("kept in " + key() + " as retired")
                .contains("the 1 existing backup stays restorable");

        CliRun restore = CliRun.of("restore", backup.toString(), "--db", db("restored"), "--key-file", key().toString(),
                "--json");
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(JSON.readTree(restore.out()).get("keyIds")).extracting(JsonNode::asText).containsExactly(oldId);
        assertThat(identify(db("restored"), "George_W_Bush", 7)).isEqualTo("George_W_Bush");
        assertThat(identify(db("restored"), "Tony_Blair", 7)).isEqualTo("Tony_Blair");
        // the restore re-encrypted the old records: the restored database needs only the active key
        assertThat(keyIdsIn(db("restored"))).containsExactly(keysList().at("/keys/0/id").asText());
    }

    @Test
    void afterTwoRotationsAllThreeGenerationsOfBackupsRestore() throws Exception {
        Path b0 = backup("gen0.zip");
        assertThat(run("keys", "rotate").exit()).isZero();
        Path b1 = backup("gen1.zip");
        assertThat(run("keys", "rotate").exit()).isZero();
        Path b2 = backup("gen2.zip");
        int n = 0;
        for (Path b : new Path[]{b0, b1, b2}) {
            String target = db("restored" + n++);
            CliRun r = CliRun.of("restore", b.toString(), "--db", target, "--key-file", key().toString());
            assertThat(r.exit()).as(b + ": " + r.err()).isZero();
            assertThat(identify(target, "Tony_Blair", 7)).as(b.toString()).isEqualTo("Tony_Blair");
        }
        JsonNode list = keysList();
        assertThat(list.get("keys")).extracting(k -> k.get("state").asText())
                .containsExactly("active", "retired", "retired");
        assertThat(list.at("/keys/1/retiredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        // ids only: no key material on the screen
        for (String material : keyMaterial()) {
            assertThat(list.toString()).doesNotContain(material);
            assertThat(run("keys", "list").out()).doesNotContain(material);
        }
        assertThat(keyMaterial()).hasSize(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key()))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(key()).stream().filter(l -> !l.startsWith("#")).map(l -> l.split(" ")[0]))
                .containsExactly("active", "retired", "retired");
    }

    @Test
    void retireBeforeWarnsNamingTheBackupsAndOnlyWithYesDropsTheKey() throws Exception {
        String oldId = keyIds().get(0);
        Path backup = backup("before.zip");
        // a daily backup in the backup folder, not in this database's audit log (e.g. copied back from elsewhere)
        Path folder = dir.resolve("backups");
        Files.createDirectories(folder);
        Path daily = Files.copy(backup, folder.resolve("facecheck-20261201-030000.zip"));
        assertThat(run("keys", "rotate").exit()).isZero();
        JsonNode status = JSON.readTree(run("status", "--json", "--models", dir.resolve("no-models").toString()).out());
        assertThat(status.at("/lastBackup/file").asText()).isEqualTo(backup.toString());
        assertThat(status.at("/lastBackup/restorable").asBoolean()).as(status.toString()).isTrue();

        String keyring = Files.readString(key());
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        CliRun warned = run("keys", "retire", "--before", tomorrow, "--backup-dir", folder.toString());
        assertThat(warned.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(warned.err()).contains(oldId).contains(backup.toString()).contains(daily.toString())
                .contains("unrestorable").contains("--yes").doesNotContain("Exception");
        assertThat(Files.readString(key())).isEqualTo(keyring);
        assertThat(CliRun.of("restore", backup.toString(), "--db", db("still"), "--key-file", key().toString()).exit())
                .isZero();

        CliRun retired = run("keys", "retire", "--before", tomorrow, "--backup-dir", folder.toString(), "--yes");
        assertThat(retired.exit()).as(retired.err()).isZero();
        assertThat(retired.out()).contains(oldId);
        assertThat(keysList().get("keys")).extracting(k -> k.get("state").asText()).containsExactly("active");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key()))).isEqualTo("rw-------");
        CliRun lost = CliRun.of("restore", backup.toString(), "--db", db("lost"), "--key-file", key().toString());
        assertThat(lost.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(lost.err()).contains("needs key " + oldId).contains("not in the keyring " + key())
                .doesNotContain("Exception");
        status = JSON.readTree(run("status", "--json", "--models", dir.resolve("no-models").toString()).out());
        assertThat(status.at("/lastBackup/restorable").asBoolean()).as(status.toString()).isFalse();
        // the database itself is under the active key and unaffected
        assertThat(identify(db(), "George_W_Bush", 7)).isEqualTo("George_W_Bush");
    }

    @Test
    void anOldSingleLineKeyFileStillWorksAndBecomesAKeyringAtItsFirstRotation() throws Exception {
        String material = keyMaterial().get(0);
        Files.writeString(key(), "# FaceCheck face-data key (AES-256, base64).\n" + material + "\n");
        assertThat(identify(db(), "George_W_Bush", 7)).isEqualTo("George_W_Bush");
        Path backup = backup("legacy.zip");
        CliRun rot = run("keys", "rotate");
        assertThat(rot.exit()).as(rot.err()).isZero();
        assertThat(Files.readString(key())).contains("retired " + FaceKeys.base64(material).currentId() + " " + material);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key()))).isEqualTo("rw-------");
        CliRun restore = CliRun.of("restore", backup.toString(), "--db", db("restored"), "--key-file", key().toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(identify(db("restored"), "Tony_Blair", 7)).isEqualTo("Tony_Blair");
    }

    private String db(String name) {
        return "jdbc:h2:file:" + dir.resolve(name + "/fc");
    }

    private Path backup(String name) {
        Path out = dir.resolve("elsewhere").resolve(name);
        try {
            Files.createDirectories(out.getParent()); // backup --out never creates folders
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliRun b = run("backup", "--out", out.toString());
        assertThat(b.exit()).as(b.err()).isZero();
        return out;
    }

    private JsonNode keysList() throws IOException {
        CliRun l = run("keys", "list", "--json");
        assertThat(l.exit()).as(l.err()).isZero();
        return JSON.readTree(l.out());
    }

    /** The base64 keys in the key file, whatever its format. */
    private List<String> keyMaterial() throws IOException {
        List<String> out = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z0-9+/]{43}=").matcher(Files.readString(key()));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Ids of the keys in the key file, the active one first. */
    private List<String> keyIds() throws IOException {
        return keyMaterial().stream().map(k -> FaceKeys.base64(k).currentId()).toList();
    }

    private String identify(String url, String person, int n) throws IOException {
        CliRun r = CliRun.of("identify", "--json", photo(person, n), "--db", url, "--key-file", key().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode who = JSON.readTree(r.out());
        return who.get("identity").isNull() ? null : who.get("identity").asText();
    }

    /** The key ids the face data of the database at {@code url} is sealed under. */
    private List<String> keyIdsIn(String url) {
        try (Database db = Database.open(url, FaceKeys.file(key()))) {
            return db.inTransaction(c -> {
                List<String> ids = new java.util.ArrayList<>();
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT DISTINCT key_id FROM face_template "
                        + "UNION SELECT DISTINCT key_id FROM enrollment_crop")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            });
        }
    }

    private int crashRotation(String stopAt) throws Exception {
        Process p = Subprocess.java(RotationCrashMain.class, db(), key().toString(), stopAt);
        try (var out = Subprocess.stdout(p)) {
            String line = out.readLine();
            assertThat(line).startsWith("halting");
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
