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
        CliRun again = run("keys", "rotate");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Path.of(key() + ".new")).doesNotExist();
        assertThat(template(key())).containsExactly(before);
    }

    @Test
    void crashAfterTheCommitBeforeTheKeyFileMovesLeavesAWorkingDatabase() throws Exception {
        float[] before = template(key());
        String oldKey = Files.readString(key());
        assertThat(crashRotation("committed")).isEqualTo(77);
        assertThat(Path.of(key() + ".new")).exists();
        assertThat(Files.readString(key())).isEqualTo(oldKey);
        // every record needs the new key now: the next open moves it into place
        assertThat(identify("George_W_Bush", 7)).isEqualTo("George_W_Bush");
        assertThat(Path.of(key() + ".new")).doesNotExist();
        assertThat(Files.readString(key())).isNotEqualTo(oldKey);
        assertThat(template(key())).containsExactly(before);
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
