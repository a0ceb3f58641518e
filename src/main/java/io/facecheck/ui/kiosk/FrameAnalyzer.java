package io.facecheck.ui.kiosk;

import io.facecheck.camera.VideoFrame;

/**
 * The kiosk's brain, run on the inference thread for the newest frame: detect, check quality and liveness,
 * match, apply the check-in policy and commit check-ins. Implementations are not called concurrently.
 */
@FunctionalInterface
public interface FrameAnalyzer {
    KioskUpdate analyze(VideoFrame frame) throws Exception;

    /** Shows the camera only: no faces, no check-ins (no models installed, or for setting up the camera). */
    FrameAnalyzer PREVIEW_ONLY = f -> KioskUpdate.empty(f.sequence(), f.width(), f.height());
}
