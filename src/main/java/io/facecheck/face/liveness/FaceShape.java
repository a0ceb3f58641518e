package io.facecheck.face.liveness;

import io.facecheck.face.HeadPose;
import io.facecheck.face.Point;
import io.facecheck.face.faceapi.SsdFaceDetector;

import java.util.List;

/** Measures read off the 68 iBUG landmarks of one frame. */
record FaceShape(List<Point> points, double interOcular, double eyeAspect, double yawDeg) {

    static FaceShape of(List<Point> p68) {
        if (p68.size() != 68) {
            throw new IllegalArgumentException("need 68 landmarks, got " + p68.size());
        }
        List<Point> five = SsdFaceDetector.fivePoints(p68);
        double iod = Math.max(1e-6, five.get(0).distance(five.get(1)));
        double ear = (eyeAspect(p68, 36) + eyeAspect(p68, 42)) / 2;
        return new FaceShape(p68, iod, ear, HeadPose.of(five).yawDeg());
    }

    /**
     * Soukupová and Čech's eye aspect ratio of the eye whose six points start at {@code from}: the two lid
     * distances over twice the corner distance; about 0.25–0.35 open, falling towards 0 as the lids close.
     */
    static double eyeAspect(List<Point> p, int from) {
        double v1 = p.get(from + 1).distance(p.get(from + 5));
        double v2 = p.get(from + 2).distance(p.get(from + 4));
        double h = p.get(from).distance(p.get(from + 3));
        return h < 1e-6 ? 0 : (v1 + v2) / (2 * h);
    }
}
