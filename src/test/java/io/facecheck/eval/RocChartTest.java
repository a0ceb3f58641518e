package io.facecheck.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocChartTest {

    @Test
    void writesAPngWithOneColouredCurvePerCombination(@TempDir Path dir) throws Exception {
        Verification good = new Verification(new double[] {0.1, 0.2, 0.3, 0.4, 0.8, 0.9, 1.0, 1.1},
                new boolean[] {true, true, true, true, false, false, false, false});
        Verification poor = new Verification(new double[] {0.1, 0.9, 0.3, 0.4, 0.8, 0.2, 1.0, 1.1},
                new boolean[] {true, true, true, true, false, false, false, false});
        Map<String, java.util.List<RocPoint>> curves = new LinkedHashMap<>();
        curves.put("mtcnn + mobilefacenet", good.roc());
        curves.put("ssd + resnet", poor.roc());
        Path png = dir.resolve("roc.png");
        RocChart.write(curves, "lfw10", png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(600);
        assertThat(count(img, 0x1f77b4)).isGreaterThan(200);
        assertThat(count(img, 0xd62728)).isGreaterThan(200);
        // the perfect curve runs along TAR = 1 at the top edge of the plot (y = 40)
        int blueOnTop = 0;
        for (int x = 70; x < 780; x++) {
            for (int y = 38; y <= 42; y++) {
                if ((img.getRGB(x, y) & 0xffffff) == 0x1f77b4) {
                    blueOnTop++;
                    break;
                }
            }
        }
        assertThat(blueOnTop).isGreaterThan(600);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("roc.png");
        }
        // a chart is no secret: readable like any saved file, not owner-only like the temporary file it came from
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(png)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void logAxisPutsTheDecadesEvenlyApart() {
        assertThat(RocChart.xFrac(1e-4)).isEqualTo(0.0);
        assertThat(RocChart.xFrac(1e-2)).isEqualTo(0.5);
        assertThat(RocChart.xFrac(1)).isEqualTo(1.0);
        assertThat(RocChart.xFrac(0)).isEqualTo(0.0);
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
