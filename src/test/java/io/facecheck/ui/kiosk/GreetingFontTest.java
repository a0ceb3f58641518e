package io.facecheck.ui.kiosk;

import io.facecheck.face.BoundingBox;
import io.facecheck.fonts.BundledFont;
import io.facecheck.ui.FaceCheckApp;
import io.facecheck.ui.UiFonts;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk greets 王芳, 山田太郎 and Zoë Müller-李 with their names drawn, not boxes, on a machine without any CJK
 * font (this one and CI: {@code fc-list :lang=zh} is empty), in both places a name appears: the greeting banner
 * (a Label styled by facecheck.css) and the label over the face in the preview (drawn on a canvas in
 * {@link UiFonts#greeting}). Each character's rendering is compared with that of U+E000, a private-use code point
 * no font has, which every font draws as its missing-glyph box.
 */
@ExtendWith(ApplicationExtension.class)
class GreetingFontTest {
    private static final List<String> NAMES = List.of("王芳", "山田太郎", "Zoë Müller-李");
    private static final String MISSING = "\uE000";

    private KioskViewModel vm;
    private KioskView view;
    private long sequence;

    @Start
    void start(Stage stage) {
        UiFonts.load(); // as the app does before it builds a screen (off the FX thread there)
        vm = new KioskViewModel(() -> FrameAnalyzer.PREVIEW_ONLY);
        vm.onCheckInProperty().set(null);
        view = new KioskView(vm, () -> { });
        Scene scene = new Scene(view, 1280, 720);
        scene.getStylesheets().add(FaceCheckApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void greetingAndFaceLabelDrawEveryCharacterOfCjkNames(FxRobot robot) throws Exception {
        Label banner = robot.lookup("#banner").queryAs(Label.class);
        greet(robot, MISSING);
        int[] bannerBox = pixels(banner);
        int[] labelBox = pixels(view.preview());
        greet(robot, "");
        int[] bannerBlank = pixels(banner);
        int[] labelBlank = pixels(view.preview());
        for (String name : NAMES) {
            for (String c : name.codePoints().filter(c -> c != ' ').mapToObj(Character::toString).toList()) {
                greet(robot, c);
                int[] b = pixels(banner);
                int[] l = pixels(view.preview());
                assertThat(differing(b, bannerBlank)).as("ink of %s in the banner", c).isPositive();
                assertThat(differing(b, bannerBox)).as("%s in the banner is the missing-glyph box", c)
                        .isPositive();
                assertThat(differing(l, labelBlank)).as("ink of %s over the face", c).isPositive();
                assertThat(differing(l, labelBox)).as("%s over the face is the missing-glyph box", c)
                        .isPositive();
            }
        }
        assertThat(banner.getFont().getFamily()).isEqualTo(BundledFont.FAMILY);
        greet(robot, "王芳");
        WritableImage screen = WaitForAsyncUtils.asyncFx(() -> view.getScene().snapshot(null)).get(20, TimeUnit.SECONDS);
        Path png = Path.of("target/screenshots/kiosk-greeting-cjk.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(screen, null), "png", png.toFile());
    }

    /** A check-in of {@code name}: the banner greets them and their face in the preview is labelled. */
    private void greet(FxRobot robot, String name) {
        KioskUpdate u = new KioskUpdate(++sequence, 640, 480,
                List.of(new KioskFace(new BoundingBox(220, 120, 200, 240), io.facecheck.ui.I18n.Text.verbatim(name),
                        KioskFace.Kind.KNOWN)),
                List.of(new KioskUpdate.CheckIn("E1", name, "IN",
                        ZonedDateTime.of(2026, 3, 2, 8, 59, 0, 0, ZoneOffset.UTC))),
                KioskUpdate.Message.NONE);
        robot.interact(() -> vm.apply(u));
    }

    private static int[] pixels(Node node) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(20, TimeUnit.SECONDS);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = r.getArgb(x, y);
            }
        }
        return out;
    }

    private static int differing(int[] a, int[] b) {
        if (a.length != b.length) {
            return Math.abs(a.length - b.length);
        }
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }
}
