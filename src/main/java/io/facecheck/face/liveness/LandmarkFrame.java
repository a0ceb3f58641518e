package io.facecheck.face.liveness;

import io.facecheck.face.Point;

import java.util.List;

/**
 * One frame of a face for the liveness tests: when, its 68 landmarks and a hash of its face crop.
 *
 * @param nanos    capture time ({@link System#nanoTime()} or a video's timestamp), increasing
 * @param points68 the 68 iBUG landmarks in image pixels
 * @param cropHash hash of the face box's pixels (identical crops, identical hashes)
 */
public record LandmarkFrame(long nanos, List<Point> points68, long cropHash) {
    public LandmarkFrame {
        points68 = List.copyOf(points68);
        if (points68.size() != 68) {
            throw new IllegalArgumentException("need 68 landmarks, got " + points68.size());
        }
    }
}
