package io.facecheck.face.faceapi;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.util.ArrayList;
import java.util.List;

/**
 * face-api's 68-point landmark net ({@code landmark68}) on face boxes from any detector: SSD's pipeline uses it
 * for its landmarks, liveness runs it on MTCNN's boxes. Thread-safe: holds only the shared session.
 */
public final class Landmark68Net {
    private final TfModel model;
    private final int input;

    public Landmark68Net(Models models) {
        this.model = models.get(ModelNames.LANDMARK68);
        this.input = (int) model.card().doubleParameter("inputSize", 112);
    }

    /**
     * 68 landmarks per box, face-api's way: clip + floor the box, slice, pad centred to a square, resize to
     * 112, run the net (one batch), undo the padding, shift by the unfloored box corner.
     */
    public List<List<Point>> landmarks(RgbImage image, List<BoundingBox> boxes) {
        int n = boxes.size();
        if (n == 0) {
            return List.of();
        }
        int s = input;
        float[] batch = new float[n * s * s * 3];
        int[][] dims = new int[n][];
        for (int i = 0; i < n; i++) {
            BoundingBox b = boxes.get(i);
            FaceApiImaging.IntBox ib = FaceApiImaging.clipAtImageBorders(b.x(), b.y(), b.width(), b.height(),
                    image.width(), image.height());
            RgbImage crop = FaceApiImaging.slice(image, ib);
            dims[i] = new int[] {crop.width(), crop.height()};
            RgbImage in = FaceApiImaging.toNetInput(crop, s, true);
            System.arraycopy(in.data(), 0, batch, i * s * s * 3, s * s * 3);
        }
        float[] raw;
        try (TFloat32 in = Tensors.floats(batch, n, s, s, 3); Result r = model.run(in)) {
            raw = Tensors.read(Tensors.output(r, "landmarks", model));
        }
        List<List<Point>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double w = dims[i][0];
            double h = dims[i][1];
            double sc = s / Math.max(w, h);
            double sw = w * sc;
            double sh = h * sc;
            double padX = sw < sh ? Math.abs(sw - sh) / 2 : 0;
            double padY = sh < sw ? Math.abs(sw - sh) / 2 : 0;
            BoundingBox b = boxes.get(i);
            List<Point> pts = new ArrayList<>(68);
            for (int k = 0; k < 68; k++) {
                double rx = (raw[i * 136 + 2 * k] * s - padX) / sw;
                double ry = (raw[i * 136 + 2 * k + 1] * s - padY) / sh;
                pts.add(new Point(rx * w + b.x(), ry * h + b.y()));
            }
            out.add(List.copyOf(pts));
        }
        return out;
    }

    /** Runs the net once on a blank crop (TensorFlow's lazy initialisation). */
    public void warmUp() {
        landmarks(RgbImage.blank(120, 120), List.of(new BoundingBox(10, 10, 100, 100)));
    }
}
