package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.FaceKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the commands write: an --out that cannot be written is one line naming it (never a stack trace), an image
 * is written in the format its name says, {@code -} is stdout; and what they say about odd input files.
 */
class OutputFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final String BLAIR_1 = LFW.resolve("Tony_Blair/Tony_Blair_0001.jpg").toString();
    /** What {@code report --out -} wrote before the fix: a file named "-" in the working directory. */
    private static final Path DASH = Path.of("-");

    @TempDir
    Path dir;

    @AfterEach
    void removeAStrayDashFile() throws Exception {
        Files.deleteIfExists(DASH);
    }

    private static void assertOneClearLine(CliRun r, int exit, String... mentions) {
        assertThat(r.exit()).as(r.err()).isEqualTo(exit);
        assertThat(r.err()).contains(mentions).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void anOutFileInAMissingFolderOrOnAFolderIsOneClearLine() throws Exception {
        seed();
        Path missing = dir.resolve("newdir");
        CliRun detect = CliRun.of("detect", BLAIR_1, "--out", missing.resolve("a.png").toString());
        assertOneClearLine(detect, ExitCodes.FAILURE, missing.toString(), "does not exist");
        assertThat(missing).doesNotExist();

        CliRun onAFolder = CliRun.of("detect", BLAIR_1, "--out", dir.toString());
        assertOneClearLine(onAFolder, ExitCodes.FAILURE, dir.toString(), "is a folder");

        CliRun report = CliRun.of("report", "--db", db(), "--from", "2026-03-01", "--to", "2026-03-31", "--out",
                missing.resolve("r.csv").toString());
        assertOneClearLine(report, ExitCodes.FAILURE, missing.toString(), "does not exist");

        CliRun backup = CliRun.of("backup", "--db", db(), "--key-file", key().toString(), "--out",
                missing.resolve("b.zip").toString());
        assertOneClearLine(backup, ExitCodes.FAILURE, missing.toString(), "does not exist");
        assertThat(missing).doesNotExist();

        Path pairs = dir.resolve("pairs.csv");
        Files.writeString(pairs, "file_x,file_y,Decision\nTony_Blair/Tony_Blair_0001.jpg,Tony_Blair/Tony_Blair_0002.jpg,Yes\n"
                + "Tony_Blair/Tony_Blair_0001.jpg,Colin_Powell/Colin_Powell_0001.jpg,No\n");
        CliRun roc = CliRun.of("evaluate", "--pairs", pairs.toString(), "--images", LFW.toString(), "--roc",
                missing.resolve("roc.png").toString());
        assertOneClearLine(roc, ExitCodes.FAILURE, missing.toString(), "does not exist");
    }

    @Test
    void anAnnotatedImageIsWrittenInTheFormatItsNameSays() throws Exception {
        Path jpg = dir.resolve("a.jpg");
        CliRun r = CliRun.of("detect", BLAIR_1, "--out", jpg.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(jpg);
        assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0xFF, 0xD8);
        assertThat(ImageIO.read(jpg.toFile()).getWidth()).isEqualTo(250);

        Path png = dir.resolve("b.PNG");
        assertThat(CliRun.of("detect", BLAIR_1, "--out", png.toString()).exit()).isZero();
        assertThat(Arrays.copyOf(Files.readAllBytes(png), 4)).containsExactly(0x89, 'P', 'N', 'G');

        CliRun gif = CliRun.of("detect", BLAIR_1, "--out", dir.resolve("c.gif").toString());
        assertOneClearLine(gif, ExitCodes.USAGE, "c.gif", ".png", ".jpg");
        assertThat(dir.resolve("c.gif")).doesNotExist();

        CliRun rocJpg = CliRun.of("evaluate", "--folder", LFW.toString(), "--roc", dir.resolve("roc.jpg").toString());
        assertOneClearLine(rocJpg, ExitCodes.USAGE, "roc.jpg", ".png");
    }

    @Test
    void reportOutDashWritesTheCsvToStdoutAndMessagesToStderr() throws Exception {
        seed();
        CliRun events = CliRun.of("report", "--db", db(), "--from", "2026-03-01", "--to", "2026-03-31", "--no-bom",
                "--out", "-");
        assertThat(events.exit()).as(events.err()).isZero();
        assertThat(DASH).doesNotExist();
        assertThat(events.out()).startsWith("id,code,name").doesNotContain("wrote");
        assertThat(events.err()).contains("wrote 0 events");

        CliRun summary = CliRun.of("report", "--db", db(), "--from", "2026-03-01", "--to", "2026-03-31", "--no-bom",
                "--summary", "--out", "-");
        assertThat(summary.exit()).as(summary.err()).isZero();
        assertThat(DASH).doesNotExist();
        assertThat(summary.out()).startsWith("code,name,department,date");
    }

    @Test
    void identifyAndVerifyJsonSayNoFaceOnStdoutWithExitTwo() throws Exception {
        Path wall = dir.resolve("wall.png");
        ImageIO.write(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB), "png", wall.toFile());

        CliRun verify = CliRun.of("verify", BLAIR_1, wall.toString(), "--json");
        assertThat(verify.exit()).as(verify.err()).isEqualTo(ExitCodes.NO_FACE);
        assertThat(verify.err()).contains("no face found in " + wall);
        JsonNode v = JSON.readTree(verify.out());
        assertThat(v.get("reason").asText()).isEqualTo("no_face");
        assertThat(v.get("same").isNull()).isTrue();
        assertThat(v.get("distance").isNull()).isTrue();
        assertThat(v.get("facesInFirst").asInt()).isEqualTo(1);
        assertThat(v.get("facesInSecond").asInt()).isZero();

        seed();
        CliRun identify = CliRun.of("identify", "--db", db(), "--key-file", key().toString(), "--json",
                wall.toString());
        assertThat(identify.exit()).as(identify.err()).isEqualTo(ExitCodes.NO_FACE);
        JsonNode i = JSON.readTree(identify.out());
        assertThat(i.get("identity").isNull()).isTrue();
        assertThat(i.get("reason").asText()).isEqualTo("no_face");
        assertThat(i.get("faces").asInt()).isZero();
    }

    @Test
    void aDamagedBackupIsNamedAsDamagedWithoutSql() throws Exception {
        seed();
        Path backup = dir.resolve("b.zip");
        CliRun b = CliRun.of("backup", "--db", db(), "--key-file", key().toString(), "--out", backup.toString());
        assertThat(b.exit()).as(b.err()).isZero();
        byte[] whole = Files.readAllBytes(backup);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        Path garbled = dir.resolve("garbled.zip");
        byte[] g = whole.clone();
        for (int k = 200; k < g.length - 100; k += 37) {
            g[k] ^= 0x5a;
        }
        Files.write(garbled, g);
        for (Path damaged : new Path[]{cut, garbled}) {
            CliRun r = CliRun.of("restore", damaged.toString(), "--db", "jdbc:h2:file:" + dir.resolve("copy/fc"),
                    "--key-file", key().toString());
            assertOneClearLine(r, ExitCodes.FAILURE, damaged.toAbsolutePath().toString(), "damaged",
                    "nothing was changed");
            assertThat(r.err()).doesNotContain("SQL statement").doesNotContain("cannot write")
                    .doesNotContain("RUNSCRIPT");
        }
    }

    private void seed() {
        try (Database db = Database.open(db(), FaceKeys.file(key()))) {
            if (new EmployeeRepository(db).findByCode("E1").isEmpty()) {
                new EmployeeRepository(db).create("E1", "Ada", null);
            }
        }
    }

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("db/fc");
    }

    private Path key() {
        return dir.resolve("facecheck.key");
    }
}
