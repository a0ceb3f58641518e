package io.facecheck.ui.kiosk;

import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.FrameSource;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kiosk's camera and inference threads ({@link FrameCapture} → {@link InferenceLoop} → an analyser) without a
 * window: what the kiosk screen runs, for a soak to drive for hours. Counts frames analysed, check-ins logged and
 * analyses that failed, where the screen would draw them.
 */
public final class HeadlessKiosk implements AutoCloseable {
    private final FrameCapture capture;
    private final InferenceLoop inference;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong checkIns = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<Exception> lastError = new AtomicReference<>();

    private HeadlessKiosk(FrameSource source, FrameCapture.Options options, FrameAnalyzer analyzer) {
        capture = new FrameCapture(source, options);
        inference = new InferenceLoop(capture, analyzer, u -> {
            frames.incrementAndGet();
            checkIns.addAndGet(u.checkIns().size());
        }, e -> {
            errors.incrementAndGet();
            lastError.set(e);
        });
    }

    /** Starts capture and inference, as the kiosk screen's {@link KioskViewModel#use} does. */
    public static HeadlessKiosk start(FrameSource source, FrameCapture.Options options, FrameAnalyzer analyzer) {
        HeadlessKiosk k = new HeadlessKiosk(source, options, analyzer);
        k.capture.start();
        k.inference.start();
        return k;
    }

    public long frames() {
        return frames.get();
    }

    public long checkIns() {
        return checkIns.get();
    }

    public long errors() {
        return errors.get();
    }

    /** The last analysis that failed, or null. */
    public Exception lastError() {
        return lastError.get();
    }

    /** Whether the camera thread still plays (false once a source that does not loop has ended). */
    public boolean capturing() {
        return capture.running();
    }

    @Override
    public void close() {
        inference.close();
        capture.close();
    }
}
