package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.facecheck.face.RgbImage;
import io.facecheck.face.liveness.LivenessAttackSet;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code checkin --liveness}: the landmark liveness gate on the command line's path through the station. */
class CheckinLivenessTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("fc");
    }

    private static String photo(int n) {
        return LFW.resolve("Tony_Blair").resolve(String.format("Tony_Blair_%04d.jpg", n)).toString();
    }

    @Test
    void passiveLivenessRefusesTheSamePhotoRepeatedAndSaysWhyWhileOffLogsIt() throws Exception {
        CliRun enroll = CliRun.of("enroll", "--db", db(), "--code", "TB", "--name", "Tony Blair",
                photo(1), photo(2), photo(3), photo(4), photo(5));
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        String still = photo(6);

        CliRun passive = CliRun.of("checkin", "--db", db(), "--at", "2026-03-02T08:55:00Z", "--liveness", "passive",
                "--json", still, still, still, still, still);
        assertThat(passive.exit()).as(passive.err()).isZero();
        JsonNode doc = JSON.readTree(passive.out());
        assertThat(doc.get("events")).isEmpty();
        assertThat(doc.get("liveness").get("mode").asText()).isEqualTo("passive");
        assertThat(doc.get("liveness").get("verdict").asText()).isEqualTo("spoof");
        assertThat(doc.get("liveness").get("refused").asText()).isEqualTo("spoof:static_frame_repeated");
        assertThat(passive.err()).contains("no check-in logged")
                .contains("the same picture was shown again and again");

        CliRun text = CliRun.of("checkin", "--db", db(), "--at", "2026-03-02T08:56:00Z", "--liveness", "passive",
                still, still, still, still, still);
        assertThat(text.out()).contains("no check-in logged");
        assertThat(text.err()).contains("[spoof:static_frame_repeated]");

        // today's behaviour: the same frames check Tony in
        CliRun off = CliRun.of("checkin", "--db", db(), "--at", "2026-03-02T08:57:00Z", "--liveness", "off", "--json",
                still, still, still, still, still);
        JsonNode logged = JSON.readTree(off.out());
        assertThat(logged.get("events")).hasSize(1);
        assertThat(logged.get("events").get(0).get("code").asText()).isEqualTo("TB");
        assertThat(logged.has("liveness")).isFalse();
    }

    /**
     * Eight different photos of an enrolled person under passive liveness: a slideshow, not a video. Before the
     * continuity test this logged an IN with the verdict live while the same JSON said
     * {@code "refused":"not_live:too_few_frames"}.
     */
    @Test
    void passiveLivenessRefusesASlideshowOfDifferentPhotosWithOneStory() throws Exception {
        CliRun enroll = CliRun.of("enroll", "--db", db(), "--code", "TB", "--name", "Tony Blair", photo(1), photo(2));
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        List<String> args = new ArrayList<>(List.of("checkin", "--db", db(), "--at", "2026-03-02T08:55:00Z",
                "--liveness", "passive", "--json"));
        for (int i = 3; i <= 10; i++) {
            args.add(photo(i));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("events")).as(r.out()).isEmpty();
        JsonNode live = doc.get("liveness");
        assertThat(live.get("verdict").asText()).as(r.out()).isEqualTo("spoof");
        assertThat(live.get("reasons").get(0).asText()).isEqualTo("discontinuous");
        assertThat(live.get("refused").asText()).isEqualTo("spoof:discontinuous");
        assertThat(r.err()).contains("no check-in logged").contains("[spoof:discontinuous]");
    }

    /**
     * A real person talking to the camera (frames of the bona fide webcam video, the person enrolled from other
     * frames of it): the check-in is logged once the face has moved in depth, the JSON says live with nothing
     * refused (before, it kept the refusal of the frames before the verdict), and the report's liveness column
     * holds the plane test's score (before, it stayed empty for passive check-ins).
     */
    @Test
    void passiveCheckInOfARealVideoTellsOneStoryAndReportsItsLiveness() throws Exception {
        Path video = LivenessAttackSet.VIDEOS.resolve("cap13_edit2.mp4");
        List<String> enroll = new ArrayList<>(List.of("enroll", "--db", db(), "--code", "V1", "--name", "Video"));
        int k = 0;
        for (int from : new int[] {300, 450, 600}) {
            enroll.add(png(LivenessAttackSet.videoFrames(video, from, from + 1, 1).get(0), "enroll" + k++));
        }
        CliRun e = CliRun.of(enroll.toArray(String[]::new));
        assertThat(e.exit()).as(e.err()).isZero();
        List<String> args = new ArrayList<>(List.of("checkin", "--db", db(), "--at", "2026-03-02T08:55:00Z",
                "--liveness", "passive", "--json"));
        List<RgbImage> frames = LivenessAttackSet.videoFrames(video, 0, 60, 2);
        for (int i = 0; i < frames.size(); i++) {
            args.add(png(frames.get(i), "f" + i));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("events")).as(r.out()).hasSize(1);
        assertThat(doc.get("events").get(0).get("code").asText()).isEqualTo("V1");
        JsonNode live = doc.get("liveness");
        assertThat(live.get("verdict").asText()).as(r.out()).isEqualTo("live");
        assertThat(live.get("refused").isNull()).as(r.out()).isTrue();
        assertThat(live.get("score").asDouble()).isGreaterThanOrEqualTo(1.0);

        Path csv = dir.resolve("events.csv");
        CliRun report = CliRun.of("report", "--db", db(), "--from", "2026-03-02", "--to", "2026-03-02", "--no-bom",
                "--out", csv.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        String[] row = lines.get(1).split(",", -1);
        String liveness = row[header.indexOf("liveness")];
        assertThat(liveness).as(lines.get(1)).isNotEmpty();
        assertThat(Double.parseDouble(liveness)).isGreaterThanOrEqualTo(1.0);
    }

    private String png(RgbImage image, String name) throws Exception {
        Path p = dir.resolve(name + ".png");
        ImageIO.write(image.toBufferedImage(), "png", p.toFile());
        return p.toString();
    }

    @Test
    void rejectsAnUnknownLivenessMode() {
        CliRun r = CliRun.of("checkin", "--db", db(), "--liveness", "maybe", photo(6));
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("--liveness maybe is not one of off, passive, challenge, net");
    }
}
