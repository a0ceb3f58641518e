package io.facecheck.face;

import java.util.List;

/**
 * A rough head pose from the 5 landmarks, in degrees. Five points cannot give a true 3-D pose; this is a
 * geometric estimate good enough to tell a frontal face from one turned away, which is all the quality gate
 * needs. In the roll-corrected face frame:
 * <ul>
 *   <li>yaw: the nose tip's sideways offset from the eye-and-mouth centre line, relative to half the eye
 *       distance, read as {@code atan(offset / half-eye-distance)} — the nose tip stands about one half eye
 *       distance in front of the eyes (≈ 32 mm), so at 45° its offset equals half the eye distance. On lfw10
 *       faces that a person judges turned by 30–40° this reads 35–40°;</li>
 *   <li>pitch: where the nose sits between the eye line and the mouth line, compared with the frontal
 *       template (0.495 of the way down), with depth 0.4 of the eye–mouth span;</li>
 *   <li>roll: the angle of the eye line.</li>
 * </ul>
 */
public record HeadPose(double yawDeg, double pitchDeg, double rollDeg) {

    private static final double NOSE_DEPTH_OVER_HALF_EYES = 1.0;
    private static final double NOSE_DEPTH_OVER_EYE_MOUTH = 0.4;
    /** (nose y − eye y) / (mouth y − eye y) in {@link Alignment#TEMPLATE_112}. */
    private static final double FRONTAL_NOSE_FRACTION;

    static {
        List<Point> t = Alignment.TEMPLATE_112;
        double eye = (t.get(0).y() + t.get(1).y()) / 2, mouth = (t.get(3).y() + t.get(4).y()) / 2;
        FRONTAL_NOSE_FRACTION = (t.get(2).y() - eye) / (mouth - eye);
    }

    /** Pose from left eye, right eye, nose, left mouth corner, right mouth corner (image pixels). */
    public static HeadPose of(List<Point> l5) {
        if (l5.size() != 5) {
            throw new IllegalArgumentException("need 5 landmarks, got " + l5.size());
        }
        Point le = l5.get(0), re = l5.get(1), nose = l5.get(2), lm = l5.get(3), rm = l5.get(4);
        double roll = Math.atan2(re.y() - le.y(), re.x() - le.x());
        double c = Math.cos(-roll), s = Math.sin(-roll);
        // rotate everything about the left eye so the eye line is horizontal
        double[] e1 = rot(le, le, c, s), e2 = rot(re, le, c, s), n = rot(nose, le, c, s);
        double[] m1 = rot(lm, le, c, s), m2 = rot(rm, le, c, s);
        double eyeY = (e1[1] + e2[1]) / 2, mouthY = (m1[1] + m2[1]) / 2;
        double halfEyes = Math.max(1e-6, Math.abs(e2[0] - e1[0]) / 2);
        double centreX = ((e1[0] + e2[0]) / 2 + (m1[0] + m2[0]) / 2) / 2;
        double yaw = Math.toDegrees(Math.atan((n[0] - centreX) / (halfEyes * NOSE_DEPTH_OVER_HALF_EYES)));
        double span = mouthY - eyeY;
        double pitch = 0;
        if (span > 1e-6) {
            double fraction = (n[1] - eyeY) / span;
            pitch = Math.toDegrees(Math.atan((FRONTAL_NOSE_FRACTION - fraction) / NOSE_DEPTH_OVER_EYE_MOUTH));
        } else {
            pitch = 90; // mouth at or above the eyes: upside down or a bad landmark set
        }
        return new HeadPose(yaw, pitch, Math.toDegrees(roll));
    }

    private static double[] rot(Point p, Point o, double c, double s) {
        double x = p.x() - o.x(), y = p.y() - o.y();
        return new double[] {c * x - s * y, s * x + c * y};
    }
}
