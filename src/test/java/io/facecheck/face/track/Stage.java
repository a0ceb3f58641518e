package io.facecheck.face.track;

import io.facecheck.face.Resize;
import io.facecheck.face.RgbImage;

import java.util.Arrays;

/** Builds synthetic camera frames: real photos placed, moved and scaled on a mid-grey 640×480 background. */
public final class Stage {
    public static final int W = 640;
    public static final int H = 480;

    private final RgbImage frame = RgbImage.blank(W, H);

    public Stage() {
        Arrays.fill(frame.data(), 128f);
    }

    /** Pastes {@code photo} scaled by {@code scale} with its top-left corner at (x, y); clipped to the frame. */
    public Stage put(RgbImage photo, int x, int y, double scale) {
        RgbImage p = scale == 1.0 ? photo
                : Resize.area(photo, (int) Math.round(photo.width() * scale), (int) Math.round(photo.height() * scale));
        float[] d = frame.data();
        for (int py = 0; py < p.height(); py++) {
            int fy = y + py;
            if (fy < 0 || fy >= H) {
                continue;
            }
            int from = Math.max(0, -x), to = Math.min(p.width(), W - x);
            if (to > from) {
                System.arraycopy(p.data(), (py * p.width() + from) * 3, d, (fy * W + x + from) * 3, (to - from) * 3);
            }
        }
        return this;
    }

    public RgbImage frame() {
        return frame;
    }
}
