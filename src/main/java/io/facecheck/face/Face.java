package io.facecheck.face;

import java.util.OptionalDouble;

/**
 * One analysed face: where it is, how good it is, and (when it was embedded) its identity vector.
 *
 * @param detection box, score and landmarks from the detector
 * @param quality   the quality gate's verdict (null for the bystanders of {@link FaceEngine#analyzeLargest})
 * @param aligned   the embedder's input crop (e.g. 112×112), kept so enrollment can store it (null as above)
 * @param embedding L2-normalised embedding, or null when the face was not embedded (failed the quality gate
 *                  and the caller asked to embed good faces only)
 * @param liveness  anti-spoofing score when liveness scoring is on (lower is more live)
 */
public record Face(DetectedFace detection, QualityReport quality, RgbImage aligned, float[] embedding,
                   OptionalDouble liveness) {

    public boolean embedded() {
        return embedding != null;
    }

    /** Area of the face box in pixels, used to pick the main face of a photo. */
    public double area() {
        return detection.box().area();
    }
}
