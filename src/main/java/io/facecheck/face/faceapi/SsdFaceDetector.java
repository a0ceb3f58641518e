package io.facecheck.face.faceapi;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.FaceDetector;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;
import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * face-api's detector pipeline: SSD MobileNetV1 ({@code ssd-mobilenetv1}: pad to square, resize to 512 and
 * anchor decoding in the graph), face-api's NMS and box mapping here, then the 68-point landmark net
 * ({@code landmark68}) on each detection crop. The 68 points are reduced to the 5 of {@link DetectedFace}.
 * Thread-safe: holds only the shared TensorFlow sessions and immutable settings.
 */
public final class SsdFaceDetector implements FaceDetector {
    private final TfModel ssd;
    private final Landmark68Net landmarks;
    private final double minConfidence;
    private final double iouThreshold;
    private final int maxResults;
    private final int inputSize;
    private final boolean fallback;

    /** Canvas factor of the second pass when the first finds no face (see {@link #locate}). */
    public static final int FALLBACK_CANVAS = 2;

    public SsdFaceDetector(Models models) {
        this(models, Double.NaN, true);
    }

    /**
     * @param minConfidence score threshold; NaN for the card's ({@code threshold}, face-api default 0.5)
     * @param fallback      whether to run the second, smaller-scale pass when the first finds no face
     *                      ({@code false} = exactly face-api)
     */
    public SsdFaceDetector(Models models, double minConfidence, boolean fallback) {
        this.fallback = fallback;
        this.ssd = models.get(ModelNames.SSD);
        this.landmarks = new Landmark68Net(models);
        ModelCard card = ssd.card();
        double cardMin = card.threshold() != null ? card.threshold() : card.doubleParameter("minConfidence", 0.5);
        this.minConfidence = Double.isNaN(minConfidence) ? cardMin : minConfidence;
        if (!(this.minConfidence >= 0 && this.minConfidence < 1)) {
            throw new IllegalArgumentException("SSD minimum confidence must be in [0, 1), got " + minConfidence);
        }
        this.iouThreshold = card.doubleParameter("iouThreshold", 0.5);
        this.maxResults = (int) card.doubleParameter("maxResults", 100);
        this.inputSize = (int) card.doubleParameter("inputSize", 512);
    }

    @Override
    public String name() {
        return "ssd";
    }

    public double minConfidence() {
        return minConfidence;
    }

    /** One SSD detection before landmarks: box in image pixels (face-api's mapping) and score. */
    public record Detection(BoundingBox box, double score) {
    }

    /** A blank frame has no face for the landmark net, so it also gets one blank box. */
    @Override
    public void warmUp() {
        RgbImage blank = RgbImage.blank(320, 240);
        detect(blank);
        landmarks(blank, List.of(new Detection(new BoundingBox(10, 10, 100, 100), 1)));
    }

    @Override
    public List<DetectedFace> detect(RgbImage image) {
        List<Detection> dets = locate(image);
        if (dets.isEmpty()) {
            return List.of();
        }
        List<List<Point>> lm = landmarks(image, dets);
        List<DetectedFace> out = new ArrayList<>(dets.size());
        for (int i = 0; i < dets.size(); i++) {
            out.add(new DetectedFace(dets.get(i).box(), dets.get(i).score(), fivePoints(lm.get(i)), lm.get(i)));
        }
        return out;
    }

    /**
     * SSD + NMS: face-api's {@code locateFaces}, highest score first. When that finds nothing, one more pass
     * runs on the image centred in a canvas {@value #FALLBACK_CANVAS}× its size (zeros around it): the SSD was
     * trained on WIDER FACE, whose faces are small, and scores faces that fill half the frame (a close-up, an
     * LFW photo, someone standing close to the kiosk camera) below 0.5; at half the relative size it scores
     * them above 0.8 (measured on lfw10: 5 of 100 images without a face become 0).
     */
    public List<Detection> locate(RgbImage image) {
        List<Detection> found = locateFaceApi(image);
        if (!found.isEmpty() || !fallback) {
            return found;
        }
        int w = image.width() * FALLBACK_CANVAS;
        int h = image.height() * FALLBACK_CANVAS;
        int ox = (w - image.width()) / 2;
        int oy = (h - image.height()) / 2;
        float[] canvas = new float[w * h * 3];
        for (int r = 0; r < image.height(); r++) {
            System.arraycopy(image.data(), r * image.width() * 3, canvas, ((r + oy) * w + ox) * 3, image.width() * 3);
        }
        List<Detection> out = new ArrayList<>();
        for (Detection d : locateFaceApi(new RgbImage(w, h, canvas))) {
            BoundingBox b = d.box();
            out.add(new Detection(new BoundingBox(b.x() - ox, b.y() - oy, b.width(), b.height()), d.score()));
        }
        return out;
    }

    /** Exactly face-api's {@code locateFaces} on {@code image}. */
    public List<Detection> locateFaceApi(RgbImage image) {
        float[] boxes;
        float[] scores;
        try (TFloat32 in = Tensors.floats(image.data(), 1, image.height(), image.width(), 3);
             Result r = ssd.run(in)) {
            boxes = Tensors.read(Tensors.output(r, "boxes", ssd));
            scores = Tensors.read(Tensors.output(r, "scores", ssd));
        }
        int[] keep = nonMaxSuppression(boxes, scores, maxResults, iouThreshold, minConfidence);
        int w = image.width();
        int h = image.height();
        double scale = (double) inputSize / Math.max(w, h);
        double padX = inputSize / (double) Math.round(w * scale);
        double padY = inputSize / (double) Math.round(h * scale);
        List<Detection> out = new ArrayList<>(keep.length);
        for (int idx : keep) {
            double top = Math.max(0, boxes[idx * 4]) * padY;
            double bottom = Math.min(1.0, boxes[idx * 4 + 2]) * padY;
            double left = Math.max(0, boxes[idx * 4 + 1]) * padX;
            double right = Math.min(1.0, boxes[idx * 4 + 3]) * padX;
            out.add(new Detection(new BoundingBox(left * w, top * h, (right - left) * w, (bottom - top) * h), scores[idx]));
        }
        return out;
    }

    /** face-api's {@code ssdMobilenetv1/nonMaxSuppression.ts}: greedy, strict score threshold, IoU &gt; threshold drops. */
    static int[] nonMaxSuppression(float[] boxes, float[] scores, int maxOutput, double iouThreshold, double scoreThreshold) {
        Integer[] cand = new Integer[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scoreThreshold) {
                cand[n++] = i;
            }
        }
        Integer[] sorted = Arrays.copyOf(cand, n);
        Arrays.sort(sorted, Comparator.comparingDouble((Integer i) -> scores[i]).reversed()); // stable
        int outputSize = Math.min(maxOutput, scores.length);
        int[] selected = new int[outputSize];
        int count = 0;
        for (int c : sorted) {
            if (count >= outputSize) {
                break;
            }
            boolean keep = true;
            for (int j = count - 1; j >= 0; j--) {
                if (iou(boxes, c, selected[j]) > iouThreshold) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                selected[count++] = c;
            }
        }
        return Arrays.copyOf(selected, count);
    }

    private static double iou(float[] b, int i, int j) {
        double yminI = Math.min(b[i * 4], b[i * 4 + 2]);
        double xminI = Math.min(b[i * 4 + 1], b[i * 4 + 3]);
        double ymaxI = Math.max(b[i * 4], b[i * 4 + 2]);
        double xmaxI = Math.max(b[i * 4 + 1], b[i * 4 + 3]);
        double yminJ = Math.min(b[j * 4], b[j * 4 + 2]);
        double xminJ = Math.min(b[j * 4 + 1], b[j * 4 + 3]);
        double ymaxJ = Math.max(b[j * 4], b[j * 4 + 2]);
        double xmaxJ = Math.max(b[j * 4 + 1], b[j * 4 + 3]);
        double areaI = (ymaxI - yminI) * (xmaxI - xminI);
        double areaJ = (ymaxJ - yminJ) * (xmaxJ - xminJ);
        if (areaI <= 0 || areaJ <= 0) {
            return 0;
        }
        double inter = Math.max(Math.min(ymaxI, ymaxJ) - Math.max(yminI, yminJ), 0)
                * Math.max(Math.min(xmaxI, xmaxJ) - Math.max(xminI, xminJ), 0);
        return inter / (areaI + areaJ - inter);
    }

    /** 68 landmarks per detection (see {@link Landmark68Net#landmarks}). */
    public List<List<Point>> landmarks(RgbImage image, List<Detection> dets) {
        return landmarks.landmarks(image, dets.stream().map(Detection::box).toList());
    }

    /**
     * The 5 points of {@link DetectedFace} from the iBUG 68: centre of points 36–41 and 42–47 (the eyes on the
     * image's left and right), nose tip 30, mouth corners 48 and 54.
     */
    public static List<Point> fivePoints(List<Point> p68) {
        if (p68.size() != 68) {
            throw new IllegalArgumentException("need 68 landmarks, got " + p68.size());
        }
        return List.of(mean(p68, 36, 42), mean(p68, 42, 48), p68.get(30), p68.get(48), p68.get(54));
    }

    static Point mean(List<Point> pts, int from, int to) {
        double x = 0;
        double y = 0;
        for (int i = from; i < to; i++) {
            x += pts.get(i).x();
            y += pts.get(i).y();
        }
        return new Point(x / (to - from), y / (to - from));
    }
}
