package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** enroll, identify, checkin and templates on lfw10 with the default engine and a real H2 file database. */
class AttendanceCommandsTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("fc");
    }

    private static String photo(String person, int n) {
        return LFW.resolve(person).resolve(String.format("%s_%04d.jpg", person, n)).toString();
    }

    @Test
    void enrollIdentifyAndCheckInFromTheCommandLine() throws Exception {
        CliRun enroll = CliRun.of("enroll", "--db", db(), "--code", "GWB", "--name", "George W. Bush",
                "--department", "Ops", "--json", photo("George_W_Bush", 1), photo("George_W_Bush", 2),
                photo("George_W_Bush", 3));
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        JsonNode doc = JSON.readTree(enroll.out());
        assertThat(doc.get("enrolled")).extracting(JsonNode::asText).containsExactly("GWB");
        assertThat(doc.get("rejected")).isEmpty();

        // the same face under another code is refused, naming the employee; nothing is written
        CliRun dup = CliRun.of("enroll", "--db", db(), "--code", "X1", "--name", "Someone", photo("George_W_Bush", 5));
        assertThat(dup.exit()).as(dup.err()).isEqualTo(ExitCodes.DUPLICATE);
        assertThat(dup.err()).contains("matches employee GWB (George W. Bush)").contains("--force");

        CliRun id = CliRun.of("identify", "--db", db(), "--json", photo("George_W_Bush", 7));
        assertThat(id.exit()).as(id.err()).isZero();
        JsonNode who = JSON.readTree(id.out());
        assertThat(who.get("identity").asText()).isEqualTo("GWB");
        assertThat(who.get("name").asText()).isEqualTo("George W. Bush");
        assertThat(who.get("distance").asDouble()).isLessThan(1.0);
        assertThat(who.has("margin")).isTrue();

        // --threshold overrides the card's: so strict that nobody is accepted
        CliRun strict = CliRun.of("identify", "--db", db(), "--json", "--threshold", "0.01", photo("George_W_Bush", 7));
        assertThat(JSON.readTree(strict.out()).get("identity").isNull()).as(strict.err()).isTrue();
        assertThat(JSON.readTree(strict.out()).get("reason").asText()).isEqualTo("above_threshold");

        CliRun stranger = CliRun.of("identify", "--db", db(), "--json", photo("Tony_Blair", 2));
        assertThat(stranger.exit()).isZero();
        assertThat(JSON.readTree(stranger.out()).get("identity").isNull()).isTrue();

        // three frames of Bush: one IN; a minute later: debounced; two hours later: OUT
        String[] frames = {photo("George_W_Bush", 6), photo("George_W_Bush", 7), photo("George_W_Bush", 8)};
        JsonNode first = JSON.readTree(checkin("2026-03-02T08:55:00Z", frames).out());
        assertThat(first.get("events")).hasSize(1);
        assertThat(first.get("events").get(0).get("code").asText()).isEqualTo("GWB");
        assertThat(first.get("events").get(0).get("direction").asText()).isEqualTo("IN");
        assertThat(first.get("events").get(0).get("at").asText()).startsWith("2026-03-02T08:55:00");
        assertThat(JSON.readTree(checkin("2026-03-02T08:56:00Z", frames).out()).get("events")).isEmpty();
        JsonNode out = JSON.readTree(checkin("2026-03-02T10:56:00Z", frames).out());
        assertThat(out.get("events").get(0).get("direction").asText()).isEqualTo("OUT");
        // a stranger is never logged
        JsonNode none = JSON.readTree(checkin("2026-03-02T11:00:00Z", photo("Tony_Blair", 1), photo("Tony_Blair", 2),
                photo("Tony_Blair", 3)).out());
        assertThat(none.get("events")).isEmpty();
        try (Database db = Database.open(db())) {
            assertThat(new EventRepository(db).all()).hasSize(2);
            assertThat(new EmployeeRepository(db).findByCode("X1")).isEmpty();
        }

        CliRun rebuild = CliRun.of("templates", "rebuild", "--db", db());
        assertThat(rebuild.exit()).as(rebuild.err()).isZero();
        assertThat(rebuild.out()).contains("rebuilt 3 templates");

        // a leaver: face data erased, the employee and their records kept, no longer recognised
        CliRun erase = CliRun.of("employees", "erase-face", "GWB", "--db", db(), "--json");
        assertThat(erase.exit()).as(erase.err()).isZero();
        assertThat(JSON.readTree(erase.out()).get("templatesErased").asInt()).isEqualTo(3);
        JsonNode after = JSON.readTree(CliRun.of("identify", "--db", db(), "--json", photo("George_W_Bush", 7)).out());
        assertThat(after.get("identity").isNull()).isTrue();
        try (Database db = Database.open(db())) {
            assertThat(new EmployeeRepository(db).findByCode("GWB")).isPresent();
            assertThat(new EventRepository(db).all()).hasSize(2);
            assertThat(new io.facecheck.store.TemplateRepository(db).allCrops()).isEmpty();
            assertThat(new io.facecheck.store.AuditLog(db).recent(5)).extracting(e -> e.action())
                    .contains("erase-face-data");
        }
        CliRun nobody = CliRun.of("employees", "erase-face", "NOPE", "--db", db());
        assertThat(nobody.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(nobody.err()).contains("no employee with code NOPE");
    }

    @Test
    void aNightWorkersMorningCheckInFromTheCommandLineIsTheOutOfTheEveningsShift() throws Exception {
        CliRun enroll = CliRun.of("enroll", "--db", db(), "--code", "GWB", "--name", "George W. Bush",
                photo("George_W_Bush", 1), photo("George_W_Bush", 2), photo("George_W_Bush", 3));
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        CliRun shift = CliRun.of("shifts", "add", "Night", "--start", "22:00", "--end", "06:00", "--db", db());
        assertThat(shift.exit()).as(shift.err()).isZero();
        CliRun assign = CliRun.of("schedule", "assign", "--code", "GWB", "--shift", "Night", "--days",
                "MON,TUE,WED,THU,FRI,SAT,SUN", "--from", "2026-03-01", "--db", db());
        assertThat(assign.exit()).as(assign.err()).isZero();
        // the kiosk's zone is the system's here (checkin.zone is empty): the times are local ones
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        String[] frames = {photo("George_W_Bush", 6), photo("George_W_Bush", 7), photo("George_W_Bush", 8)};
        String evening = java.time.LocalDateTime.parse("2026-03-02T21:55").atZone(zone).toInstant().toString();
        String morning = java.time.LocalDateTime.parse("2026-03-03T06:03").atZone(zone).toInstant().toString();
        JsonNode in = JSON.readTree(checkin(evening, frames).out()).get("events");
        assertThat(in.get(0).get("direction").asText()).isEqualTo("IN");
        JsonNode out = JSON.readTree(checkin(morning, frames).out()).get("events");
        assertThat(out).hasSize(1);
        assertThat(out.get(0).get("direction").asText()).as("the end of Monday's night shift").isEqualTo("OUT");
    }

    private CliRun checkin(String at, String... frames) {
        String[] args = new String[6 + frames.length];
        args[0] = "checkin";
        args[1] = "--db";
        args[2] = db();
        args[3] = "--at";
        args[4] = at;
        args[5] = "--json";
        System.arraycopy(frames, 0, args, 6, frames.length);
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    @Test
    void badInputGivesAClearMessageAndWritesNothing() throws Exception {
        Path notAPhoto = dir.resolve("cv.jpg");
        Files.writeString(notAPhoto, "not an image");
        CliRun unreadable = CliRun.of("enroll", "--db", db(), "--code", "A", "--name", "A", notAPhoto.toString());
        assertThat(unreadable.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unreadable.err()).contains("cv.jpg").doesNotContain("\tat ");

        Path wall = dir.resolve("wall.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", wall.toFile());
        CliRun noFace = CliRun.of("enroll", "--db", db(), "--code", "A", "--name", "A", "--json", wall.toString());
        assertThat(noFace.exit()).isEqualTo(ExitCodes.NO_FACE);
        JsonNode doc = JSON.readTree(noFace.out());
        assertThat(doc.get("rejected").get(0).get("reason").asText()).isEqualTo("no_face");
        assertThat(doc.get("rejected").get(0).get("file").asText()).isEqualTo(wall.toString());

        CliRun identifyNoFace = CliRun.of("identify", "--db", db(), wall.toString());
        assertThat(identifyNoFace.exit()).isEqualTo(ExitCodes.NO_FACE);
        assertThat(identifyNoFace.err()).contains("no face found in " + wall);

        Path photos = Files.createDirectories(dir.resolve("p/hugo"));
        Files.copy(Path.of(photo("Hugo_Chavez", 1)), photos.resolve("1.jpg"));
        Files.copy(Path.of(photo("Hugo_Chavez", 2)), photos.resolve("2.jpg"));
        Path csv = dir.resolve("staff.csv");
        Files.writeString(csv, "code,name,department,photo_dir\nHC,Hugo Chávez,Sales,p/hugo\nBROKEN\n",
                StandardCharsets.UTF_8);
        CliRun imp = CliRun.of("enroll", "--db", db(), "--csv", csv.toString());
        assertThat(imp.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(imp.err()).contains(csv + ":3: expected 4 fields");
        assertThat(imp.out()).contains("enrolled HC (Hugo Chávez)");

        Path people = Files.createDirectories(dir.resolve("people/Jacques_Chirac"));
        Files.copy(Path.of(photo("Jacques_Chirac", 1)), people.resolve("a.jpg"));
        Files.copy(Path.of(photo("Jacques_Chirac", 2)), people.resolve("b.jpg"));
        Files.writeString(people.resolve("notes.txt"), "ignored: not a picture");
        CliRun folder = CliRun.of("enroll", "--db", db(), "--folder", people.getParent().toString(), "--json");
        assertThat(folder.exit()).as(folder.err()).isZero();
        assertThat(JSON.readTree(folder.out()).get("enrolled")).extracting(JsonNode::asText)
                .containsExactly("Jacques_Chirac");

        try (Database db = Database.open(db())) {
            assertThat(new EmployeeRepository(db).list(true)).extracting(e -> e.code())
                    .containsExactly("HC", "Jacques_Chirac");
        }
    }
}
