package io.facecheck.camera;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21, items 2 and 3: an IP camera read over RTSP from a real server on loopback ({@link RtspCamera}); the
 * server is killed and started again, and the capture comes back on its own within 5 s, without a thread left
 * behind; the camera's password appears in no state, message or thread name.
 */
class NetworkCameraSourceTest {
    static final Path LFW = Path.of("src/test/resources/lfw10");

    @Test
    void theLoginIsUsedButNeverShown() {
        NetworkCameraSource s = NetworkCameraSource.of("rtsp://admin:s3cret@cam.local:554/live?ch=1", null);
        assertThat(s.describe()).isEqualTo("rtsp://cam.local:554/live?ch=1");
        NetworkCameraSource env = (NetworkCameraSource) FrameSources.parse("http://cam.local/video.mjpeg",
                NetworkCameraSource.Login.fromEnvironment(Map.of(NetworkCameraSource.ENV_USER, "kiosk",
                        NetworkCameraSource.ENV_PASSWORD, "pa ss")::get));
        assertThat(env.describe()).isEqualTo("http://cam.local/video.mjpeg");
        assertThat(new NetworkCameraSource.Login("kiosk", "pa ss").toString()).doesNotContain("pa ss");
        assertThat(NetworkCameraSource.mask("Cannot open rtsp://admin:s3cret@10.0.0.9/live: refused"))
                .isEqualTo("Cannot open rtsp://***@10.0.0.9/live: refused");
        assertThatThrownBy(() -> FrameSources.parse("rtsp://admin:s3cret@/live"))
                .hasMessageNotContaining("s3cret").hasMessageContaining("no host");
        assertThat(NetworkCameraSource.of("rtsp://cam/live", null).options())
                .containsEntry("rtsp_transport", "tcp").containsEntry("fflags", "nobuffer");
    }

    @Test
    void aDroppedStreamIsReconnectedWithinFiveSecondsOfItsReturn() throws Exception {
        List<CaptureState> states = new CopyOnWriteArrayList<>();
        try (RtspCamera camera = RtspCamera.onFreePort(10).start("dir:" + LFW.resolve("Tony_Blair").toAbsolutePath())) {
            String withLogin = camera.url().replace("rtsp://", "rtsp://kiosk:s3cret@");
            FrameCapture capture = new FrameCapture(FrameSources.parse(withLogin));
            capture.addListener(states::add);
            try (capture) {
                capture.start();
                VideoFrame f = capture.awaitNewer(0, 20, TimeUnit.SECONDS);
                assertThat(f).as("a frame from the stream; states %s", states).isNotNull();
                assertThat(f.width()).isEqualTo(248); // 250 px photos, served in whole JPEG blocks
                waitFor(() -> capture.state().status() == CaptureState.Status.PLAYING, 1_000, states);
                // the admin Settings' "Test" button: a second player of the same stream
                assertThat(CameraProbe.resolution(FrameSources.parse(withLogin))).isEqualTo("248×248");

                camera.stop();
                assertThatThrownBy(() -> CameraProbe.resolution(FrameSources.parse(withLogin)))
                        .isInstanceOf(CameraException.class).hasMessageContaining(camera.url())
                        .hasMessageNotContaining("s3cret");
                waitFor(() -> capture.state().status() == CaptureState.Status.RECONNECTING, 10_000, states);
                Thread.sleep(3_000); // long enough for the back-off to reach its cap
                assertThat(capture.state().status()).isEqualTo(CaptureState.Status.RECONNECTING);

                camera.start("dir:" + LFW.resolve("Colin_Powell").toAbsolutePath());
                long back = System.nanoTime();
                long seen = capture.latest().sequence();
                VideoFrame again = capture.awaitNewer(seen, 5, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - back) / 1_000_000;
                assertThat(again).as("a frame within 5 s of the stream's return; states %s", states).isNotNull();
                // the state follows the frame it announces by a moment
                waitFor(() -> capture.state().status() == CaptureState.Status.PLAYING, 1_000, states);
                System.out.printf("stream back after %d ms%n", ms);
            }
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .noneMatch(n -> n.startsWith("capture-rtsp"));
        }
        assertThat(states).extracting(CaptureState::status).containsSubsequence(CaptureState.Status.STARTING,
                CaptureState.Status.PLAYING, CaptureState.Status.RECONNECTING, CaptureState.Status.PLAYING,
                CaptureState.Status.STOPPED);
        assertThat(states).allSatisfy(s -> assertThat(s.source() + s.message()).doesNotContain("s3cret"));
    }

    static void waitFor(java.util.function.BooleanSupplier done, long ms, Object context) throws InterruptedException {
        long until = System.currentTimeMillis() + ms;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out after " + ms + " ms: " + context);
            }
            Thread.sleep(20);
        }
    }
}
