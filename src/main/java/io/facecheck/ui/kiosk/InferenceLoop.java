package io.facecheck.ui.kiosk;

import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.VideoFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The inference thread: takes the newest frame from the capture (frames that arrived meanwhile are skipped),
 * analyses it and hands the result on. Runs apart from the capture and the FX thread, so a slow model lowers
 * only the rate of updates, never the preview's frame rate.
 * <p>
 * With nobody in front of the camera it looks ten times a second instead of at every frame: a person walking up is
 * still seen within a tenth of a second, and an idle kiosk leaves most of the CPU free (at 25–30 fps each empty
 * frame still costs the detector's whole pyramid). As soon as a face is seen, every frame counts again.
 */
final class InferenceLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceLoop.class);
    /** Shortest time between the starts of two analyses while the last frame showed no face. */
    static final long IDLE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final FrameCapture capture;
    private final FrameAnalyzer analyzer;
    private final Consumer<KioskUpdate> sink;
    private final Consumer<Exception> onError;
    private final Thread thread;
    private volatile boolean running = true;

    InferenceLoop(FrameCapture capture, FrameAnalyzer analyzer, Consumer<KioskUpdate> sink, Consumer<Exception> onError) {
        this.capture = Objects.requireNonNull(capture);
        this.analyzer = Objects.requireNonNull(analyzer);
        this.sink = sink;
        this.onError = onError;
        this.thread = new Thread(this::loop, "inference");
        thread.setDaemon(true);
    }

    InferenceLoop start() {
        thread.start();
        return this;
    }

    private void loop() {
        long seq = 0;
        long lastStart = 0;
        boolean idle = false;
        while (running) {
            VideoFrame f;
            try {
                long wait = idle ? lastStart + IDLE_INTERVAL_NANOS - System.nanoTime() : 0;
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                f = capture.awaitNewer(seq, 250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (f == null) {
                continue;
            }
            seq = f.sequence();
            try {
                long t0 = System.nanoTime();
                lastStart = t0;
                KioskUpdate u = analyzer.analyze(f);
                idle = u.faces().isEmpty();
                LOG.debug("frame {} analysed in {} ms: {} faces", seq, (System.nanoTime() - t0) / 1_000_000, u.faces().size());
                if (running) {
                    sink.accept(u);
                }
            } catch (Exception e) {
                LOG.warn("analysis of frame {} failed: {}", seq, e.toString());
                onError.accept(e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
