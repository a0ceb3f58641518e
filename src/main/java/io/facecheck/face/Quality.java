package io.facecheck.face;

import java.util.ArrayList;
import java.util.List;

/**
 * The quality gate: measures a face's size, sharpness, pose and exposure and names what is wrong, so the
 * kiosk can say "come closer" or "look at the camera" instead of silently failing to match, and so enrolment
 * never stores a blurred or turned face as a template. Sharpness and brightness are measured on the
 * 112×112 aligned crop, so the numbers mean the same for every image size. Thread-safe.
 */
public final class Quality {

    /** The central face region of the 112×112 template (eyes to chin, cheek to cheek): skin, not background. */
    private static final int X0 = 28, X1 = 84, Y0 = 36, Y1 = 104;

    private final QualitySettings settings;

    public Quality() {
        this(QualitySettings.DEFAULTS);
    }

    public Quality(QualitySettings settings) {
        this.settings = settings;
    }

    public QualitySettings settings() {
        return settings;
    }

    public QualityReport assess(RgbImage image, DetectedFace face) {
        return assessAligned(Alignment.align112(image, face.landmarks5()), face.box(), face.landmarks5());
    }

    /**
     * Quality from an already aligned 112×112 crop (e.g. the one made for MobileFaceNet, saving a warp) plus the
     * detector's box and landmarks in image pixels.
     */
    public QualityReport assessAligned(RgbImage aligned112, BoundingBox box, List<Point> landmarks5) {
        if (aligned112.width() != 112 || aligned112.height() != 112) {
            throw new IllegalArgumentException("aligned crop must be 112x112, got " + aligned112.width() + "x" + aligned112.height());
        }
        float[] grey = grey(aligned112);
        double size = Math.min(box.width(), box.height());
        double bright = mean(grey, 112, X0, Y0, X1, Y1);
        // Laplacian variance grows with the square of contrast: scale it to mid-grey exposure so that a dark
        // face is reported too_dark, not also blurry
        double gain = 128 / Math.max(bright, 8);
        double sharp = laplacianVariance(grey, 112, 112) * gain * gain;
        HeadPose pose = HeadPose.of(landmarks5);
        List<QualityIssue> issues = new ArrayList<>();
        if (size < settings.minFaceSize()) {
            issues.add(QualityIssue.TOO_SMALL);
        }
        if (sharp < settings.minSharpness()) {
            issues.add(QualityIssue.BLURRY);
        }
        if (Math.abs(pose.yawDeg()) > settings.maxYawDeg() || Math.abs(pose.pitchDeg()) > settings.maxPitchDeg()) {
            issues.add(QualityIssue.TURNED_AWAY);
        }
        if (bright < settings.minBrightness()) {
            issues.add(QualityIssue.TOO_DARK);
        }
        if (bright > settings.maxBrightness()) {
            issues.add(QualityIssue.TOO_BRIGHT);
        }
        return new QualityReport(size, sharp, pose.yawDeg(), pose.pitchDeg(), pose.rollDeg(), bright, issues);
    }

    /** Luma (BT.601 weights), one float per pixel. */
    static float[] grey(RgbImage img) {
        float[] d = img.data();
        float[] g = new float[img.width() * img.height()];
        for (int i = 0, j = 0; i < g.length; i++, j += 3) {
            g[i] = 0.299f * d[j] + 0.587f * d[j + 1] + 0.114f * d[j + 2];
        }
        return g;
    }

    /**
     * Variance of the 4-neighbour Laplacian over the interior of the central face region: a focus measure
     * (Pech-Pacheco et al. 2000) that falls steeply with blur. Only the face region counts, so a sharp
     * background or the black border of a face at the frame edge cannot make a smeared face look sharp.
     */
    static double laplacianVariance(float[] g, int w, int h) {
        double sum = 0, sq = 0;
        int n = 0;
        for (int y = Math.max(1, Y0); y < Math.min(h - 1, Y1); y++) {
            for (int x = Math.max(1, X0); x < Math.min(w - 1, X1); x++) {
                int i = y * w + x;
                double l = g[i - 1] + g[i + 1] + g[i - w] + g[i + w] - 4 * g[i];
                sum += l;
                sq += l * l;
                n++;
            }
        }
        double m = sum / n;
        return sq / n - m * m;
    }

    private static double mean(float[] g, int w, int x0, int y0, int x1, int y1) {
        double s = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                s += g[y * w + x];
            }
        }
        return s / ((double) (x1 - x0) * (y1 - y0));
    }
}
