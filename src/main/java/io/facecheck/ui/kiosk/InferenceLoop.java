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
 */
final class InferenceLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceLoop.class);

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
        while (running) {
            VideoFrame f;
            try {
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
                KioskUpdate u = analyzer.analyze(f);
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
