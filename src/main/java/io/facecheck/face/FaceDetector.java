package io.facecheck.face;

import java.util.List;

/** Finds faces with 5 landmarks each. Implementations are thread-safe. */
public interface FaceDetector {
    /** Short id used on the CLI ({@code --detector}) and in reports, e.g. {@code mtcnn}, {@code ssd}. */
    String name();

    /** Faces in {@code image}, highest score first. */
    List<DetectedFace> detect(RgbImage image);

    /**
     * Runs every network of the detector once, so the first real frame does not pay TensorFlow's lazy
     * initialisation (a few hundred milliseconds). The default detects on a blank frame.
     */
    default void warmUp() {
        detect(RgbImage.blank(320, 240));
    }
}
