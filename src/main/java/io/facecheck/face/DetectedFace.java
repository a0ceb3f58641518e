package io.facecheck.face;

import java.util.List;

/**
 * One face found by a detector.
 *
 * @param box        face box in image pixels
 * @param score      detector confidence in [0, 1]
 * @param landmarks5 left eye, right eye, nose tip, left mouth corner, right mouth corner (the subject's left
 *                   eye is on the image's left as seen, i.e. "left" means smaller x), image pixels
 * @param landmarks68 the 68-point iBUG layout where the detector has it, else an empty list
 */
public record DetectedFace(BoundingBox box, double score, List<Point> landmarks5, List<Point> landmarks68) {
    public DetectedFace {
        landmarks5 = List.copyOf(landmarks5);
        landmarks68 = landmarks68 == null ? List.of() : List.copyOf(landmarks68);
        if (landmarks5.size() != 5) {
            throw new IllegalArgumentException("need 5 landmarks, got " + landmarks5.size());
        }
    }
}
