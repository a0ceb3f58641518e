package io.facecheck.face;

import java.util.List;

/**
 * A detector that can follow faces from one frame to the next with its last stage only (MTCNN's O-Net), far
 * cheaper than a full detection. Used by {@link io.facecheck.face.track.FaceTracker}. Thread-safe.
 */
public interface FaceRelocator {
    /**
     * Each face of the previous frame, looked for again in {@code image} near its previous box.
     *
     * @param previous the faces' boxes in the previous frame
     * @param grow     how much larger than the previous box (its square) the searched region is; 1 = the same
     * @return one entry per previous box, in order: the face found there, or null when the detector no longer
     *         sees a face there (its score fell below the model card's threshold)
     */
    List<DetectedFace> relocate(RgbImage image, List<BoundingBox> previous, double grow);
}
