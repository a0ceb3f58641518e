package io.facecheck.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {

    static final Path IMAGES = Paths.get("src/test/resources/images");
    static final Path POWELL = Paths.get("src/test/resources/lfw10/Colin_Powell/Colin_Powell_0001.jpg");

    private final ImageLoader loader = new ImageLoader();

    private static double meanAbsDiff(RgbImage a, RgbImage b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        double s = 0;
        for (int i = 0; i < a.data().length; i++) {
            s += Math.abs(a.data()[i] - b.data()[i]);
        }
        return s / a.data().length;
    }

    private RgbImage load(Path p) {
        try {
            return loader.load(p);
        } catch (ImageLoadException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsPlainJpeg() throws Exception {
        LoadedImage img = loader.read(POWELL);
        assertThat(img.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(img.image().width()).isEqualTo(250);
        assertThat(img.image().height()).isEqualTo(250);
        assertThat(img.orientation()).isEqualTo(1);
        assertThat(img.scale()).isEqualTo(1);
    }

    @Test
    void webpNamedJpgIsRecognisedByContent() throws Exception {
        LoadedImage webp = loader.read(IMAGES.resolve("webp-named.jpg"));
        assertThat(webp.format()).isEqualTo(ImageFormat.WEBP);
        // the same photo, lossy-compressed twice: close, not equal
        assertThat(meanAbsDiff(webp.image(), loader.load(POWELL))).isLessThan(6);
    }

    @Test
    void cmykJpegComesOutAsRgbColours() throws Exception {
        // 40x20: left half red, right half blue, stored as CMYK
        RgbImage img = loader.load(IMAGES.resolve("cmyk.jpg"));
        assertThat(img.width()).isEqualTo(40);
        assertThat(img.get(5, 10, 0)).isGreaterThan(180f);
        assertThat(img.get(5, 10, 1)).isLessThan(90f);
        assertThat(img.get(5, 10, 2)).isLessThan(90f);
        assertThat(img.get(34, 10, 2)).isGreaterThan(120f);
        assertThat(img.get(34, 10, 0)).isLessThan(90f);
    }

    @Test
    void greyPngKeepsItsStoredLevels() throws Exception {
        RgbImage img = loader.load(IMAGES.resolve("grey.png"));
        for (int c = 0; c < 3; c++) {
            assertThat(img.get(3, 3, c)).isEqualTo(100f);
        }
    }

    @Test
    void sixteenBitGreyPngAndGreyJpegKeepTheirLevels(@TempDir Path dir) throws Exception {
        java.awt.image.BufferedImage g16 = new java.awt.image.BufferedImage(8, 4, java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        int[] level = new int[8 * 4];
        java.util.Arrays.fill(level, 100 * 257); // 100 of 255 in 16 bits
        g16.getRaster().setPixels(0, 0, 8, 4, level);
        Path png = dir.resolve("g16.png");
        javax.imageio.ImageIO.write(g16, "png", png.toFile());
        RgbImage a = loader.load(png);
        assertThat(a.get(2, 2, 0)).isCloseTo(100f, within(1e-3f));
        assertThat(a.get(2, 2, 2)).isCloseTo(100f, within(1e-3f));

        java.awt.image.BufferedImage g8 = new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        int[] v = new int[16 * 16];
        java.util.Arrays.fill(v, 60);
        g8.getRaster().setPixels(0, 0, 16, 16, v);
        Path jpg = dir.resolve("grey.jpg");
        javax.imageio.ImageIO.write(g8, "jpeg", jpg.toFile());
        RgbImage b = loader.load(jpg);
        assertThat(b.get(8, 8, 1)).isCloseTo(60f, within(2f));
    }

    @Test
    void alphaIsCompositedOnWhite() throws Exception {
        // rgba(255, 0, 0, 0.5): half-transparent red over white is (255, ~128, ~128)
        RgbImage img = loader.load(IMAGES.resolve("alpha.png"));
        assertThat(img.get(4, 4, 0)).isCloseTo(255f, within(1f));
        assertThat(img.get(4, 4, 1)).isCloseTo(127.5f, within(2f));
        assertThat(img.get(4, 4, 2)).isCloseTo(127.5f, within(2f));
    }

    @Test
    void readsBmp() throws Exception {
        LoadedImage img = loader.read(IMAGES.resolve("green.bmp"));
        assertThat(img.format()).isEqualTo(ImageFormat.BMP);
        assertThat(img.image().get(6, 3, 0)).isEqualTo(10f);
        assertThat(img.image().get(6, 3, 1)).isEqualTo(200f);
        assertThat(img.image().get(6, 3, 2)).isEqualTo(30f);
    }

    @Test
    void exifOrientationSixIsTurnedUpright() throws Exception {
        // stored 40x20, red left half, blue right half; orientation 6 = rotate 90° clockwise to show:
        // upright it is 20x40 with red on top, blue below
        LoadedImage img = loader.read(IMAGES.resolve("exif-rotate6.jpg"));
        assertThat(img.orientation()).isEqualTo(6);
        assertThat(img.originalWidth()).isEqualTo(40);
        RgbImage up = img.image();
        assertThat(up.width()).isEqualTo(20);
        assertThat(up.height()).isEqualTo(40);
        assertThat(up.get(10, 5, 0)).isGreaterThan(200f);
        assertThat(up.get(10, 5, 2)).isLessThan(60f);
        assertThat(up.get(10, 34, 2)).isGreaterThan(200f);
        assertThat(up.get(10, 34, 0)).isLessThan(60f);
    }

    @Test
    void exifRotatedPhotoMatchesTheUprightOriginal() throws Exception {
        // the lfw photo stored turned 90° counter-clockwise, with orientation 6 to undo it
        RgbImage rotated = loader.load(IMAGES.resolve("face-stored-ccw-exif6.jpg"));
        RgbImage original = loader.load(POWELL);
        assertThat(meanAbsDiff(rotated, original)).isLessThan(4);
        assertThat(meanAbsDiff(ImageLoader.orient(rotated, 8), original)).isGreaterThan(20);
    }

    @Test
    void orientationsMatchTheirDefinitions() {
        // 3x2 image with R = index 0..5 (row-major): 0 1 2 / 3 4 5
        float[] d = new float[18];
        for (int i = 0; i < 6; i++) {
            d[i * 3] = i;
        }
        RgbImage img = new RgbImage(3, 2, d);
        assertThat(reds(ImageLoader.orient(img, 2))).containsExactly(2, 1, 0, 5, 4, 3);
        assertThat(reds(ImageLoader.orient(img, 3))).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(reds(ImageLoader.orient(img, 4))).containsExactly(3, 4, 5, 0, 1, 2);
        assertThat(reds(ImageLoader.orient(img, 5))).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(reds(ImageLoader.orient(img, 6))).containsExactly(3, 0, 4, 1, 5, 2);
        assertThat(reds(ImageLoader.orient(img, 7))).containsExactly(5, 2, 4, 1, 3, 0);
        assertThat(reds(ImageLoader.orient(img, 8))).containsExactly(2, 5, 1, 4, 0, 3);
    }

    private static float[] reds(RgbImage img) {
        float[] r = new float[img.width() * img.height()];
        for (int i = 0; i < r.length; i++) {
            r[i] = img.data()[i * 3];
        }
        return r;
    }

    @Test
    void largePhotoIsDownscaledToTheSoftLimit() throws Exception {
        ImageLoader small = new ImageLoader(new ImageLoader.Limits(40_000_000L, 100, 1 << 20));
        LoadedImage img = small.read(POWELL);
        assertThat(img.image().width()).isEqualTo(100);
        assertThat(img.image().height()).isEqualTo(100);
        assertThat(img.originalWidth()).isEqualTo(250);
        assertThat(img.scale()).isCloseTo(0.4, within(1e-9));
        // still the same picture: compare with a plain resize of the full decode
        RgbImage ref = Resize.area(loader.load(POWELL), 100, 100);
        assertThat(meanAbsDiff(img.image(), ref)).isLessThan(6);
    }

    @Test
    void streamingDownscaleEqualsConvertThenArea() throws Exception {
        for (String f : new String[] {"grey.png", "alpha.png", "cmyk.jpg"}) {
            java.awt.image.BufferedImage bi = javax.imageio.ImageIO.read(IMAGES.resolve(f).toFile());
            if (bi == null) {
                continue; // the JDK cannot read CMYK JPEG without TwelveMonkeys' reader being picked
            }
            RgbImage a = ImageLoader.toRgbArea(bi, bi.getWidth() / 2, Math.max(1, bi.getHeight() / 3));
            RgbImage b = Resize.area(ImageLoader.toRgb(bi), bi.getWidth() / 2, Math.max(1, bi.getHeight() / 3));
            for (int i = 0; i < a.data().length; i++) {
                assertThat(a.data()[i]).isCloseTo(b.data()[i], within(1e-3f));
            }
        }
        java.awt.image.BufferedImage photo = javax.imageio.ImageIO.read(POWELL.toFile());
        RgbImage a = ImageLoader.toRgbArea(photo, 97, 61);
        RgbImage b = Resize.area(ImageLoader.toRgb(photo), 97, 61);
        assertThat(meanAbsDiff(a, b)).isLessThan(1e-3);
    }

    @Test
    void photoOverTheDefaultLongestSideComesOutAt4096() throws Exception {
        // 6000x1000 stripes: 3 px black, 3 px white — area averaging keeps the mean grey, point sampling would not
        java.awt.image.BufferedImage big = new java.awt.image.BufferedImage(6000, 1000, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = big.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        for (int x = 0; x < 6000; x += 6) {
            g.fillRect(x, 0, 3, 1000);
        }
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(big, "png", png);
        LoadedImage img = loader.read(png.toByteArray(), Paths.get("<stripes>"));
        assertThat(img.image().width()).isEqualTo(4096);
        assertThat(img.image().height()).isEqualTo(683);
        assertThat(img.scale()).isCloseTo(4096 / 6000.0, within(1e-9));
        double mean = 0;
        for (float v : img.image().data()) {
            mean += v;
        }
        assertThat(mean / img.image().data().length).isCloseTo(127.5, within(2.0));
    }

    @Test
    void headerClaimingAHugeSizeIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> loader.load(IMAGES.resolve("huge-header.png")))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("huge-header.png")
                .hasMessageContaining("100000x100000")
                .hasMessageContaining("over the limit");
    }

    @Test
    void pixelLimitIsConfigurable() {
        ImageLoader tiny = new ImageLoader(new ImageLoader.Limits(10_000, 4096, 1 << 20));
        assertThatThrownBy(() -> tiny.load(POWELL)).hasMessageContaining("250x250").hasMessageContaining("over the limit");
    }

    @Test
    void truncatedJpegIsAnError() {
        assertThatThrownBy(() -> loader.load(IMAGES.resolve("truncated.jpg")))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageStartingWith(IMAGES.resolve("truncated.jpg").toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedWebpIsAnError() {
        assertThatThrownBy(() -> loader.load(IMAGES.resolve("truncated.webp")))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("truncated.webp")
                .hasMessageContaining("truncated WEBP");
    }

    @Test
    void truncatedPngIsAnError(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("cut.png");
        javax.imageio.ImageIO.write(load(POWELL).toBufferedImage(), "png", png.toFile());
        byte[] all = Files.readAllBytes(png);
        Files.write(png, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> loader.load(png))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("cut.png")
                .hasMessageContaining("PNG");
    }

    @Test
    void textNamedPngIsNotAnImage() {
        assertThatThrownBy(() -> loader.load(IMAGES.resolve("text-named.png")))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("text-named.png")
                .hasMessageContaining("not a JPEG, PNG, BMP or WebP image");
    }

    @Test
    void missingEmptyAndUnsupportedFilesSayWhat(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.jpg"))).hasMessageEndingWith("nope.jpg: no such file");
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        assertThatThrownBy(() -> loader.load(empty)).hasMessageContaining("empty");
        Path gif = Files.write(dir.resolve("anim.gif"), "GIF89a\1\0\1\0".getBytes());
        assertThatThrownBy(() -> loader.load(gif)).hasMessageContaining("GIF files are not supported");
        assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("directory");
    }

    @Test
    void exceptionMessageIsOneLine() {
        assertThatThrownBy(() -> loader.load(IMAGES.resolve("truncated.jpg")))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
