package io.facecheck.cli;

import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.FaceKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What enroll refuses and how it says so (photos of several people, a different name under a taken code, names
 * that would break a listing), {@code employees update}, and why a check-in was not logged: the real command line
 * with the default engine on a real H2 file with a key file.
 */
class EnrollRulesCommandsTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");

    @TempDir
    Path dir;

    private String[] with(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = "jdbc:h2:file:" + dir.resolve("fc");
        all[args.length + 2] = "--key-file";
        all[args.length + 3] = dir.resolve("key").toString();
        return all;
    }

    private CliRun run(String... args) {
        return CliRun.of(with(args));
    }

    private static String photo(String person, int n) {
        return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, n)).toString();
    }

    @Test
    void theGreetingNameAndReadingAreSetFromTheCommandLineAsOnTheAdminForm() throws Exception {
        CliRun r = run("enroll", "--code", "Y1", "--name", "山田太郎", "--greeting-name", "山田",
                "--reading", "やまだ たろう", photo("Colin_Powell", 1), photo("Colin_Powell", 2));
        assertThat(r.exit()).as(r.err()).isZero();
        CliRun shown = run("employees", "show", "Y1", "--json");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(shown.out());
        assertThat(json.path("greetingName").asText()).isEqualTo("山田");
        assertThat(json.path("reading").asText()).isEqualTo("やまだ たろう");

        CliRun tooLong = run("enroll", "--code", "Y2", "--name", "Z", "--greeting-name", "x".repeat(500),
                photo("Colin_Powell", 3));
        assertThat(tooLong.exit()).as("refused before anything is written").isEqualTo(ExitCodes.FAILURE);
        assertThat(run("employees", "show", "Y2").exit()).isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void photosOfTwoPeopleAreRefusedWithExit3NamingThemUnlessForced() {
        String chirac = photo("Jacques_Chirac", 1);
        String rumsfeld = photo("Donald_Rumsfeld", 1);
        CliRun mix = run("enroll", "--code", "mix", "--name", "Mix", chirac, rumsfeld);
        assertThat(mix.exit()).as(mix.err()).isEqualTo(ExitCodes.DUPLICATE);
        assertThat(mix.out()).doesNotContain("enrolled");
        assertThat(mix.err()).contains("mix not enrolled").contains("do not show one person")
                .contains(rumsfeld).contains(chirac).contains("--force").doesNotContain("\tat ");

        CliRun forced = run("enroll", "--code", "mix", "--name", "Mix", "--force", chirac, rumsfeld);
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("enrolled mix (Mix): 2 samples");
    }

    @Test
    void anotherPersonUnderATakenCodeIsRefusedAndEnrollNeverRenames() {
        CliRun tony = run("enroll", "--code", "TB", "--name", "Tony", photo("Tony_Blair", 1), photo("Tony_Blair", 3));
        assertThat(tony.exit()).as(tony.err()).isZero();
        assertThat(tony.out()).contains("enrolled TB (Tony): 2 samples");

        // another name under a taken code: refused before anything is read, pointing at employees update
        CliRun renamed = run("enroll", "--code", "TB", "--name", "Gerhard", photo("Gerhard_Schroeder", 1),
                photo("Gerhard_Schroeder", 2));
        assertThat(renamed.exit()).as(renamed.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(renamed.err()).contains("TB is Tony, not Gerhard").contains("facecheck employees update TB")
                .doesNotContain("\tat ");

        // Gerhard's photos under Tony's code and name: they do not match Tony's templates
        CliRun gerhard = run("enroll", "--code", "TB", "--name", "Tony", photo("Gerhard_Schroeder", 1),
                photo("Gerhard_Schroeder", 2));
        assertThat(gerhard.exit()).as(gerhard.err()).isEqualTo(ExitCodes.DUPLICATE);
        assertThat(gerhard.err()).contains("TB (Tony)").contains(photo("Gerhard_Schroeder", 1))
                .contains(photo("Gerhard_Schroeder", 2));

        CliRun id = run("identify", photo("Tony_Blair", 5));
        assertThat(id.exit()).as(id.err()).isZero();
        assertThat(id.out()).startsWith("TB (Tony)");

        // one more photo of Tony: "1 sample"
        CliRun one = run("enroll", "--code", "TB", "--name", "Tony", photo("Tony_Blair", 4));
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.out()).isEqualToIgnoringNewLines("enrolled TB (Tony): 1 sample");

        // renaming is the employees command's job, audited
        CliRun update = run("employees", "update", "TB", "--name", "Tony Blair", "--department", "Labour");
        assertThat(update.exit()).as(update.err()).isZero();
        assertThat(update.out()).contains("TB: name Tony Blair, department Labour");
        assertThat(run("identify", photo("Tony_Blair", 5)).out()).startsWith("TB (Tony Blair)");
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("fc"), FaceKeys.file(dir.resolve("key")))) {
            assertThat(new AuditLog(db).recent(1).get(0).action()).isEqualTo(AuditLog.UPDATE);
            assertThat(new EmployeeRepository(db).require("TB").department()).isEqualTo("Labour");
        }
        CliRun nobody = run("employees", "update", "NOPE", "--name", "X");
        assertThat(nobody.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(nobody.err()).contains("no employee with code NOPE");
    }

    @Test
    void namesWithControlCharactersOrTooLongAreRefusedSayingTheLimit() throws Exception {
        CliRun tab = run("enroll", "--code", "TB", "--name", "Tony\tBlair", photo("Tony_Blair", 1));
        assertThat(tab.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(tab.err()).contains("employee name contains a control character (a tab at character 5)")
                .doesNotContain("\tat ");
        CliRun newline = run("enroll", "--code", "TB\n2", "--name", "Tony", photo("Tony_Blair", 1));
        assertThat(newline.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(newline.err()).contains("employee code contains a control character (a line break at character 3)");

        String longName = "N".repeat(300);
        CliRun tooLong = run("enroll", "--code", "TB", "--name", longName, photo("Tony_Blair", 1));
        assertThat(tooLong.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(tooLong.err()).contains("employee name is too long: at most 200 characters (got 300)")
                .doesNotContain("N".repeat(201));

        Path photos = Files.createDirectories(dir.resolve("p/tony"));
        Files.copy(Path.of(photo("Tony_Blair", 1)), photos.resolve("1.jpg"));
        Path csv = dir.resolve("staff.csv");
        Files.writeString(csv, "code,name,department,photo_dir\nTB,\"Tony\nBlair\",Labour,p/tony\n",
                StandardCharsets.UTF_8);
        CliRun imp = run("enroll", "--csv", csv.toString());
        assertThat(imp.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(imp.err()).contains(csv + ":2: ").contains("a line break at character 5");

        CliRun ok = run("enroll", "--code", "TB", "--name", "Tony Blair", photo("Tony_Blair", 1));
        assertThat(ok.exit()).as(ok.err()).isZero();
        CliRun update = run("employees", "update", "TB", "--department", "La\tbour");
        assertThat(update.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(update.err()).contains("department contains a control character (a tab at character 3)");

        // one employee, one line
        CliRun list = run("employees", "list");
        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out().lines()).hasSize(1);
        assertThat(list.out()).startsWith("TB").contains("Tony Blair");
    }

    @Test
    void aCheckInThatIsNotLoggedSaysWhy() {
        CliRun tony = run("enroll", "--code", "TB", "--name", "Tony", photo("Tony_Blair", 1), photo("Tony_Blair", 3));
        assertThat(tony.exit()).as(tony.err()).isZero();
        String[] frames = {photo("Tony_Blair", 6), photo("Tony_Blair", 7), photo("Tony_Blair", 9)};
        CliRun in = run(concat(new String[]{"checkin", "--at", "2026-03-02T08:55:00Z"}, frames));
        assertThat(in.exit()).as(in.err()).isZero();
        assertThat(in.out()).startsWith("IN TB (Tony)");

        CliRun again = run(concat(new String[]{"checkin", "--at", "2026-03-02T08:55:40Z"}, frames));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).isEqualToIgnoringNewLines(
                "no check-in logged: TB was logged 40 s ago (debounce 5 min)");

        CliRun stranger = run("checkin", "--at", "2026-03-02T09:30:00Z", photo("Hugo_Chavez", 1),
                photo("Hugo_Chavez", 2), photo("Hugo_Chavez", 3));
        assertThat(stranger.out()).isEqualToIgnoringNewLines("no check-in logged: the face was not recognised");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
