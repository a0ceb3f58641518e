package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.face.liveness.PresentationAttacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code facecheck liveness SOURCE}: the passive verdict on real video and on synthesised attacks. */
class LivenessCommandTest {
    private static final String VIDEO = "src/test/resources/liveness/cap13_edit2.mp4";

    private static JsonNode json(CliRun r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void callsRealVideoOfATalkingPersonLive() throws Exception {
        JsonNode doc = json(CliRun.of("liveness", "file:" + VIDEO, "--seconds", "2.5", "--json"));
        assertThat(doc.get("verdict").asText()).isEqualTo("live");
        assertThat(doc.get("score").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(doc.get("frames").asInt()).isGreaterThan(30);
        assertThat(doc.get("reasons").get(0).asText()).isEqualTo("non_planar_motion");
    }

    @Test
    void callsPrintedPhotoMovedInFrontOfTheCameraSpoof(@TempDir Path tmp) throws Exception {
        RgbImage photo = PresentationAttacks.portrait(
                new ImageLoader().load(Path.of("src/test/resources/lfw10/Tony_Blair/Tony_Blair_0002.jpg")));
        List<RgbImage> frames = new PresentationAttacks(400, 300).print(photo, 40, 12.5, 42);
        for (int i = 0; i < frames.size(); i++) {
            ImageIO.write(frames.get(i).toBufferedImage(), "png", tmp.resolve(String.format("f%03d.png", i)).toFile());
        }
        JsonNode doc = json(CliRun.of("liveness", "dir:" + tmp, "--json"));
        assertThat(doc.get("verdict").asText()).isEqualTo("spoof");
        assertThat(doc.get("reasons").get(0).asText()).isEqualTo("planar_motion");
        assertThat(doc.get("frames").asInt()).isEqualTo(40);
    }

    @Test
    void callsTheSamePhotoRepeatedSpoof(@TempDir Path tmp) throws Exception {
        Path photo = Path.of("src/test/resources/lfw10/Colin_Powell/Colin_Powell_0001.jpg");
        for (int i = 0; i < 4; i++) {
            Files.copy(photo, tmp.resolve("f" + i + ".jpg"));
        }
        JsonNode doc = json(CliRun.of("liveness", "dir:" + tmp, "--json"));
        assertThat(doc.get("verdict").asText()).isEqualTo("spoof");
        assertThat(doc.get("reasons").get(0).asText()).isEqualTo("static_frame_repeated");
    }

    /**
     * Ten different photos of one person, one after another (a phone flicking through someone's photos): the
     * landmarks of two unrelated photos never fit one homography, so without the continuity test the plane test
     * called this live (score 3.68).
     */
    @Test
    void callsASlideshowOfDifferentPhotosSpoof() throws Exception {
        JsonNode doc = json(CliRun.of("liveness", "dir:src/test/resources/lfw10/Tony_Blair", "--json"));
        assertThat(doc.get("verdict").asText()).isEqualTo("spoof");
        assertThat(doc.get("reasons").get(0).asText()).isEqualTo("discontinuous");
        assertThat(doc.get("framesWithFace").asInt()).isEqualTo(10);
        assertThat(doc.get("cuts").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void rejectsUnknownSourceAndFolderWithoutFaces(@TempDir Path tmp) throws Exception {
        CliRun bad = CliRun.of("liveness", "ftp:nowhere");
        assertThat(bad.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(bad.err()).contains("unknown camera 'ftp:nowhere'");
        ImageIO.write(RgbImage.blank(200, 150).toBufferedImage(), "png", tmp.resolve("blank.png").toFile());
        CliRun none = CliRun.of("liveness", "dir:" + tmp);
        assertThat(none.exit()).isEqualTo(ExitCodes.NO_FACE);
        assertThat(none.err()).contains("no face in any of its 1 frames");
    }
}
