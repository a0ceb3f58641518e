package io.facecheck.face.liveness;

import io.facecheck.face.Alignment;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;
import io.facecheck.face.faceapi.SsdFaceDetector;

import java.util.ArrayList;
import java.util.List;

/**
 * A small grey crop of the face, aligned by its landmarks onto the embedders' template, so that two frames of
 * one continuous video can be compared pixel by pixel: consecutive camera frames of one face correlate closely
 * even while the head moves, two different photos of the same person do not (other light, expression, hair,
 * background at the edges).
 *
 * @param grey {@value #SIZE}×{@value #SIZE} luma samples, row by row, 0–255
 */
public record FacePatch(float[] grey) {
    public static final int SIZE = 32;
    /** The 112-pixel template scaled down; the patch shows the face from the brows to the chin. */
    private static final List<Point> TEMPLATE = scaled(Alignment.TEMPLATE_112, SIZE / 112.0);

    public FacePatch {
        if (grey.length != SIZE * SIZE) {
            throw new IllegalArgumentException("a face patch has " + SIZE * SIZE + " samples, got " + grey.length);
        }
    }

    /** The patch of the face whose 68 landmarks (image pixels) are given. */
    public static FacePatch of(RgbImage image, List<Point> points68) {
        RgbImage rgb = Alignment.align(image, SsdFaceDetector.fivePoints(points68), TEMPLATE, SIZE, SIZE);
        float[] d = rgb.data();
        float[] g = new float[SIZE * SIZE];
        for (int i = 0; i < g.length; i++) {
            g[i] = 0.299f * d[3 * i] + 0.587f * d[3 * i + 1] + 0.114f * d[3 * i + 2];
        }
        return new FacePatch(g);
    }

    /**
     * Normalised cross-correlation with {@code other}, from −1 to 1: unaffected by a change of brightness or
     * contrast between the frames (the camera's exposure); 0 when either patch is flat.
     */
    public double correlation(FacePatch other) {
        float[] a = grey;
        float[] b = other.grey;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] - ma;
            double y = b[i] - mb;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa <= 0 || bb <= 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    private static List<Point> scaled(List<Point> pts, double s) {
        List<Point> out = new ArrayList<>(pts.size());
        for (Point p : pts) {
            out.add(new Point(p.x() * s, p.y() * s));
        }
        return List.copyOf(out);
    }
}
