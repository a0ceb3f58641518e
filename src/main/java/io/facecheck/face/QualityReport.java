package io.facecheck.face;

import java.util.List;

/**
 * The measured quality of one face and the issues found against a {@link QualitySettings}.
 *
 * @param faceSize   shorter side of the face box, pixels
 * @param sharpness  variance of the Laplacian of the grey 112×112 aligned crop's face region, scaled to a mean
 *                   grey of 128 (higher = sharper)
 * @param yawDeg     estimated left/right turn, degrees (positive: the nose points towards larger x)
 * @param pitchDeg   estimated up/down tilt, degrees (positive: looking up)
 * @param rollDeg    in-plane tilt of the eye line, degrees (alignment removes it, so it is never an issue)
 * @param brightness mean grey level of the central face region, 0..255
 * @param issues     failures in a fixed order; empty when the face is fine
 */
public record QualityReport(double faceSize, double sharpness, double yawDeg, double pitchDeg, double rollDeg,
                            double brightness, List<QualityIssue> issues) {

    public QualityReport {
        issues = List.copyOf(issues);
    }

    public boolean ok() {
        return issues.isEmpty();
    }

    /** The issues' stable names ({@code too_small}, {@code blurry}, …). */
    public List<String> issueCodes() {
        return issues.stream().map(QualityIssue::code).toList();
    }
}
