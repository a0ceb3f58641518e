package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit codes the README promises: a wrong command line is 64, never 2 (no face) or 0. */
class ExitCodesTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLAIR = photo("Tony_Blair", 1);

    @TempDir
    Path dir;

    private static String photo(String person, int n) {
        return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, n)).toString();
    }

    @Test
    void aWrongCommandLineExits64WithTheProblemAndTheUsageOnStderr() {
        CliRun missing = CliRun.of("verify", BLAIR);
        assertThat(missing.exit()).as(missing.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("IMG2").contains("Usage: facecheck verify");
        assertThat(missing.out()).isEmpty();

        CliRun notANumber = CliRun.of("verify", "--threshold", "abc", BLAIR, BLAIR);
        assertThat(notANumber.exit()).as(notANumber.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(notANumber.err()).contains("--threshold").contains("abc");

        CliRun unknown = CliRun.of("detect", "--bogus", BLAIR);
        assertThat(unknown.exit()).as(unknown.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--bogus");

        CliRun noCommand = CliRun.of("frobnicate");
        assertThat(noCommand.exit()).as(noCommand.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(noCommand.err()).contains("frobnicate");
    }

    @Test
    void aCommandThatNeedsASubcommandExits64WithTheUsageOnStderr() {
        for (String parent : new String[]{"employees", "keys", "models", "templates", "admin-user"}) {
            CliRun r = CliRun.of(parent);
            assertThat(r.exit()).as(parent + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(parent).contains("Usage: facecheck " + parent).contains("subcommand");
            assertThat(r.out()).as(parent).isEmpty();
        }
        // asking for help is not an error
        CliRun help = CliRun.of("keys", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: facecheck keys");
    }

    /**
     * One rule in all three forms of enroll: a photo that cannot be read and a person with no usable photo are named,
     * everyone else is enrolled, and the exit code is 1.
     */
    @Test
    void theThreeEnrollFormsAgreeOnAPhotoThatCannotBeUsed() throws Exception {
        Path people = dir.resolve("people");
        Path blair = Files.createDirectories(people.resolve("Tony_Blair"));
        Files.copy(Path.of(photo("Tony_Blair", 1)), blair.resolve("1.jpg"));
        Files.copy(Path.of(photo("Tony_Blair", 2)), blair.resolve("2.jpg"));
        Files.writeString(blair.resolve("3.jpg"), "not an image");
        Path wall = Files.createDirectories(people.resolve("Wall"));
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", wall.resolve("w.png").toFile());

        CliRun folder = CliRun.of("enroll", "--db", db("folder"), "--folder", people.toString(), "--json");
        assertAgreed("--folder", folder, blair.resolve("3.jpg"));

        Path csv = dir.resolve("staff.csv");
        Files.writeString(csv, "code,name,department,photo_dir\nTony_Blair,Tony_Blair,,people/Tony_Blair\n"
                + "Wall,Wall,,people/Wall\n", StandardCharsets.UTF_8);
        CliRun imported = CliRun.of("enroll", "--db", db("csv"), "--csv", csv.toString(), "--json");
        assertAgreed("--csv", imported, blair.resolve("3.jpg"));

        CliRun single = CliRun.of("enroll", "--db", db("img"), "--code", "Tony_Blair", "--name", "Tony_Blair", "--json",
                blair.resolve("1.jpg").toString(), blair.resolve("2.jpg").toString(), blair.resolve("3.jpg").toString());
        assertThat(single.exit()).as(single.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(single.err()).contains("3.jpg").contains("unreadable").doesNotContain("\tat ");
        assertThat(JSON.readTree(single.out()).get("enrolled")).extracting(JsonNode::asText).containsExactly("Tony_Blair");
        try (Database db = Database.open(db("img"))) {
            assertThat(new EmployeeRepository(db).list(true)).extracting(e -> e.code()).containsExactly("Tony_Blair");
        }
    }

    private void assertAgreed(String form, CliRun r, Path unreadable) throws Exception {
        assertThat(r.exit()).as(form + ": " + r.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).as(form).contains(unreadable.toString()).contains("unreadable")
                .contains("Wall").contains("no usable photo").doesNotContain("\tat ");
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("enrolled")).as(form).extracting(JsonNode::asText).containsExactly("Tony_Blair");
        assertThat(doc.get("problems").toString()).as(form).contains("Wall");
        try (Database db = Database.open(db(form.substring(2)))) {
            assertThat(new EmployeeRepository(db).list(true)).as(form).extracting(e -> e.code())
                    .containsExactly("Tony_Blair");
        }
    }

    private String db(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).resolve("fc");
    }
}
