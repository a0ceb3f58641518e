package io.facecheck.face;

/**
 * Thresholds of the quality gate. The defaults pass ordinary webcam faces at arm's length and the LFW press
 * photos (faces of 90–130 px, JPEG-soft: sharpness 50–650, brightness 88–194 on lfw10), and flag faces too
 * small, smeared (a Gaussian blur of σ ≥ 1.5 px brings every lfw10 face below 25), turned past about 45° or
 * badly exposed; the kiosk may tighten them (e.g. {@code engine.min-face}) in {@code config/facecheck.properties}.
 * Pitch is the least reliable estimate (landmark sets differ in where they put the nose tip: 68-point sets
 * reduced to 5 read frontal faces at about −25°), hence its loose default.
 *
 * @param minFaceSize   smallest accepted face-box side, pixels
 * @param minSharpness  smallest variance of the Laplacian of the grey 112×112 aligned crop
 * @param maxYawDeg     largest |yaw| (left/right turn) estimated from the landmarks, degrees
 * @param maxPitchDeg   largest |pitch| (up/down) estimated from the landmarks, degrees
 * @param minBrightness darkest accepted mean grey level of the central face region, 0..255
 * @param maxBrightness brightest accepted mean grey level of the central face region, 0..255
 */
public record QualitySettings(double minFaceSize, double minSharpness, double maxYawDeg, double maxPitchDeg,
                              double minBrightness, double maxBrightness) {

    public static final QualitySettings DEFAULTS = new QualitySettings(64, 25, 45, 45, 40, 225);

    public QualitySettings withMinFaceSize(double v) {
        return new QualitySettings(v, minSharpness, maxYawDeg, maxPitchDeg, minBrightness, maxBrightness);
    }

    public QualitySettings withMinSharpness(double v) {
        return new QualitySettings(minFaceSize, v, maxYawDeg, maxPitchDeg, minBrightness, maxBrightness);
    }

    public QualitySettings withMaxYawDeg(double v) {
        return new QualitySettings(minFaceSize, minSharpness, v, maxPitchDeg, minBrightness, maxBrightness);
    }

    public QualitySettings withMinBrightness(double v) {
        return new QualitySettings(minFaceSize, minSharpness, maxYawDeg, maxPitchDeg, v, maxBrightness);
    }
}
