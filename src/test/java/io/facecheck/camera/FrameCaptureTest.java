package io.facecheck.camera;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameCaptureTest {
    static final Path LFW = Path.of("src/test/resources/lfw10");
    static final FrameCapture.Options FAST = new FrameCapture.Options(false, Duration.ofMillis(50), Duration.ofMillis(200));

    static List<Path> photos(String person) throws Exception {
        try (Stream<Path> s = Files.list(LFW.resolve(person))) {
            return s.sorted().toList();
        }
    }

    static List<VideoFrame> drain(FrameCapture c, int max) throws InterruptedException {
        List<VideoFrame> got = new ArrayList<>();
        long seq = 0;
        while (got.size() < max) {
            VideoFrame f = c.awaitNewer(seq, 5, TimeUnit.SECONDS);
            if (f == null) {
                break;
            }
            got.add(f);
            seq = f.sequence();
        }
        return got;
    }

    @Test
    void folderSourcePlaysEveryPhotoInOrderThenEnds() throws Exception {
        List<CaptureState> states = new CopyOnWriteArrayList<>();
        try (FrameCapture c = new FrameCapture(new ImageFolderSource(LFW.resolve("Tony_Blair"), 20), FAST)) {
            c.addListener(states::add);
            c.start();
            List<VideoFrame> frames = drain(c, 100);
            assertThat(frames).hasSize(10);
            assertThat(frames).extracting(VideoFrame::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            BufferedImage first = ImageIO.read(photos("Tony_Blair").get(0).toFile());
            assertThat(frames.get(0).width()).isEqualTo(first.getWidth());
            assertThat(frames.get(0).argb()[125 * 250 + 125]).isEqualTo(first.getRGB(125, 125) | 0xff000000);
            assertThat(c.droppedCount()).isZero();
        }
        assertThat(states).extracting(CaptureState::status)
                .containsSubsequence(CaptureState.Status.STARTING, CaptureState.Status.PLAYING,
                        CaptureState.Status.ENDED, CaptureState.Status.STOPPED);
    }

    @Test
    void videoFileSourcePlaysARealMp4(@TempDir Path tmp) throws Exception {
        Path video = tmp.resolve("blair.mp4");
        List<Path> src = photos("Tony_Blair");
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(video.toFile(), 250, 250);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(25);
            rec.setVideoBitrate(4_000_000); // high enough that pixels can be compared
            rec.start();
            for (Path p : src) {
                BufferedImage img = ImageIO.read(p.toFile());
                BufferedImage bgr = new BufferedImage(250, 250, BufferedImage.TYPE_3BYTE_BGR);
                bgr.getGraphics().drawImage(img, 0, 0, null);
                Frame f = conv.convert(bgr); // owned and reused by the converter, closed with it
                rec.record(f);
            }
            rec.stop();
        }
        assertThat(Files.size(video)).isPositive();

        FrameSource source = FrameSources.parse("file:" + video);
        assertThat(source).isInstanceOf(VideoFileSource.class);
        try (FrameCapture c = new FrameCapture(source, FAST)) {
            c.start();
            List<VideoFrame> frames = drain(c, 100);
            assertThat(frames).hasSize(10);
            assertThat(source.frameRate()).isEqualTo(25.0);
            BufferedImage expected = ImageIO.read(src.get(3).toFile());
            assertThat(meanAbsDiff(frames.get(3), expected)).isLessThan(12);
            assertThat(meanAbsDiff(frames.get(3), ImageIO.read(src.get(7).toFile()))).isGreaterThan(20);
        }
    }

    static double meanAbsDiff(VideoFrame f, BufferedImage img) {
        double sum = 0;
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                int a = f.argb()[y * f.width() + x];
                int b = img.getRGB(x, y);
                for (int s = 0; s <= 16; s += 8) {
                    sum += Math.abs(((a >> s) & 0xff) - ((b >> s) & 0xff));
                }
            }
        }
        return sum / (3.0 * f.width() * f.height());
    }

    @Test
    void missingCameraIsAStateNotAnException() throws Exception {
        List<CaptureState> states = new CopyOnWriteArrayList<>();
        try (FrameCapture c = new FrameCapture(FrameSources.parse("/dev/video97"), FAST)) {
            c.addListener(states::add);
            c.start();
            assertThat(c.awaitNewer(0, 300, TimeUnit.MILLISECONDS)).isNull();
            assertThat(c.state().status()).isEqualTo(CaptureState.Status.NO_CAMERA);
            assertThat(c.state().message()).contains("/dev/video97").contains("retrying");
            assertThat(c.running()).isTrue();
        }
        assertThat(states.get(states.size() - 1).status()).isEqualTo(CaptureState.Status.STOPPED);
    }

    @Test
    void aFolderThatAppearsLaterIsPickedUpByTheRetry(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("later");
        try (FrameCapture c = new FrameCapture(FrameSources.parse("dir:" + dir), FAST)) {
            c.start();
            Thread.sleep(150);
            assertThat(c.state().status()).isEqualTo(CaptureState.Status.NO_CAMERA);
            // The folder appears whole (renamed into place), as a mounted or synced folder does: a folder
            // created empty and filled afterwards could be listed before the photo is completely written.
            Path staging = Files.createDirectories(tmp.resolve("staging"));
            Files.copy(photos("Colin_Powell").get(0), staging.resolve("a.jpg"));
            Files.move(staging, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            VideoFrame f = c.awaitNewer(0, 5, TimeUnit.SECONDS);
            assertThat(f).isNotNull();
            assertThat(f.width()).isEqualTo(250);
        }
    }

    @Test
    void anUnpluggedCameraIsReopenedAndTheFeedResumes() throws Exception {
        FlakySource flaky = new FlakySource(new ImageFolderSource(LFW.resolve("Hugo_Chavez"), 50), 3);
        List<CaptureState> states = new CopyOnWriteArrayList<>();
        try (FrameCapture c = new FrameCapture(flaky, FAST.withLoop(true))) {
            c.addListener(states::add);
            c.start();
            List<VideoFrame> frames = drain(c, 8);
            assertThat(frames).hasSize(8);
        }
        assertThat(states).extracting(CaptureState::status).containsSubsequence(
                CaptureState.Status.PLAYING, CaptureState.Status.RECONNECTING, CaptureState.Status.PLAYING);
        assertThat(states).filteredOn(s -> s.status() == CaptureState.Status.RECONNECTING)
                .first().extracting(CaptureState::message).asString().contains("unplugged");
    }

    @Test
    void aSlowConsumerGetsTheNewestFrameAndOlderOnesAreDropped() throws Exception {
        try (FrameCapture c = new FrameCapture(new ImageFolderSource(LFW, 200), FAST)) {
            c.start();
            long seq = 0;
            int taken = 0;
            VideoFrame f;
            while ((f = c.awaitNewer(seq, 3, TimeUnit.SECONDS)) != null) {
                assertThat(f.sequence()).isGreaterThan(seq);
                seq = f.sequence();
                taken++;
                Thread.sleep(40); // "inference"
            }
            assertThat(c.capturedCount()).isEqualTo(100);
            assertThat(taken).isLessThan(100);
            assertThat(c.droppedCount()).isEqualTo(100 - taken);
        }
    }

    @Test
    void badSpecsAreRejectedWithTheAcceptedForms() {
        assertThatThrownBy(() -> FrameSources.parse("webcam")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'webcam'").hasMessageContaining("dir:FOLDER");
        assertThatThrownBy(() -> FrameSources.parse("file:")).hasMessageContaining("no path");
        assertThat(FrameSources.parse("0")).isInstanceOf(WebcamSource.class);
        assertThat(FrameSources.parse("/dev/video2").describe()).isEqualTo("/dev/video2");
        assertThat(FrameSources.parse("dir:/x")).isInstanceOf(ImageFolderSource.class);
    }

    /** A real folder source that fails once after {@code failAfter} frames, as a camera does when unplugged. */
    static final class FlakySource implements FrameSource {
        private final FrameSource inner;
        private final int failAfter;
        private int reads;
        private boolean failed;

        FlakySource(FrameSource inner, int failAfter) {
            this.inner = inner;
            this.failAfter = failAfter;
        }

        @Override public String describe() { return "flaky " + inner.describe(); }
        @Override public void open() throws CameraException { inner.open(); }
        @Override public VideoFrame read() throws CameraException {
            if (!failed && ++reads > failAfter) {
                failed = true;
                throw new CameraException("camera unplugged");
            }
            return inner.read();
        }
        @Override public double frameRate() { return inner.frameRate(); }
        @Override public boolean live() { return true; }
        @Override public void close() { inner.close(); }
    }
}
