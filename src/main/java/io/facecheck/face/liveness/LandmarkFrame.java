package io.facecheck.face.liveness;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.Point;

import java.util.List;

/**
 * One frame of a face for the liveness tests: when, its 68 landmarks, a hash of its face crop and, for the
 * continuity test, the detector's box and the aligned grey patch.
 *
 * @param nanos    capture time ({@link System#nanoTime()} or a video's timestamp), increasing
 * @param points68 the 68 iBUG landmarks in image pixels
 * @param cropHash hash of the face box's pixels (identical crops, identical hashes)
 * @param box      the detector's face box, or null when not known (the box is then left out of the continuity
 *                 test)
 * @param patch    the aligned grey face patch, or null when not known (left out likewise)
 */
public record LandmarkFrame(long nanos, List<Point> points68, long cropHash, BoundingBox box, FacePatch patch) {
    public LandmarkFrame {
        points68 = List.copyOf(points68);
        if (points68.size() != 68) {
            throw new IllegalArgumentException("need 68 landmarks, got " + points68.size());
        }
    }

    /** Landmarks only (no pixels): the continuity test looks at the landmarks and the time alone. */
    public LandmarkFrame(long nanos, List<Point> points68, long cropHash) {
        this(nanos, points68, cropHash, null, null);
    }
}
