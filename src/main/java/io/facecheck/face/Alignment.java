package io.facecheck.face;

import java.util.List;

/**
 * Face alignment: a least-squares similarity from the detector's 5 landmarks to a canonical template, then
 * a bilinear warp. The aligned crop is what the embedders were trained on; without it MobileFaceNet loses
 * about 4 points of LFW accuracy (see MODEL-NOTES).
 */
public final class Alignment {

    /**
     * The ArcFace/InsightFace 112×112 template (left eye, right eye, nose tip, left and right mouth corner),
     * which MobileFaceNet was trained with.
     */
    public static final List<Point> TEMPLATE_112 = List.of(
            new Point(38.2946, 51.6963),
            new Point(73.5318, 51.5014),
            new Point(56.0252, 71.7366),
            new Point(41.5493, 92.3655),
            new Point(70.7299, 92.2041));

    private Alignment() {
    }

    /** The 112×112 crop of the face whose 5 landmarks (image pixels) are given. */
    public static RgbImage align112(RgbImage image, List<Point> landmarks5) {
        return align(image, landmarks5, TEMPLATE_112, 112, 112);
    }

    /** Crop of size {@code w}×{@code h} mapping {@code landmarks} onto {@code template} (same order). */
    public static RgbImage align(RgbImage image, List<Point> landmarks, List<Point> template, int w, int h) {
        return warp(image, SimilarityTransform.estimate(landmarks, template), w, h);
    }

    /**
     * Output of size {@code w}×{@code h} where output pixel (u, v) takes the bilinear sample of {@code image}
     * at {@code imageToOutput⁻¹(u, v)} (inverse mapping, so every output pixel gets exactly one value).
     * Outside the image the border is <b>black</b> (0), as in InsightFace's {@code cv2.warpAffine} default, so
     * faces near the frame edge are embedded as the models saw such faces in training. Samples within one
     * pixel of the edge blend towards black the same way.
     *
     * @param imageToOutput maps image pixel coordinates to output pixel coordinates
     */
    public static RgbImage warp(RgbImage image, SimilarityTransform imageToOutput, int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("bad output size " + w + "x" + h);
        }
        SimilarityTransform inv = imageToOutput.inverse();
        float[] out = new float[w * h * 3];
        double[] px = new double[3];
        int o = 0;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                sample(image, inv.applyX(u, v), inv.applyY(u, v), px);
                out[o++] = (float) px[0];
                out[o++] = (float) px[1];
                out[o++] = (float) px[2];
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Bilinear sample at (x, y) (pixel centres at integers) with black outside the image. */
    static void sample(RgbImage image, double x, double y, double[] rgb) {
        int iw = image.width(), ih = image.height();
        float[] d = image.data();
        double fx = Math.floor(x), fy = Math.floor(y);
        int x0 = (int) fx, y0 = (int) fy;
        double wx = x - fx, wy = y - fy;
        rgb[0] = rgb[1] = rgb[2] = 0;
        if (x0 < -1 || y0 < -1 || x0 >= iw || y0 >= ih) {
            return;
        }
        accumulate(d, iw, ih, x0, y0, (1 - wx) * (1 - wy), rgb);
        accumulate(d, iw, ih, x0 + 1, y0, wx * (1 - wy), rgb);
        accumulate(d, iw, ih, x0, y0 + 1, (1 - wx) * wy, rgb);
        accumulate(d, iw, ih, x0 + 1, y0 + 1, wx * wy, rgb);
    }

    private static void accumulate(float[] d, int iw, int ih, int x, int y, double weight, double[] rgb) {
        if (weight == 0 || x < 0 || y < 0 || x >= iw || y >= ih) {
            return;
        }
        int i = (y * iw + x) * 3;
        rgb[0] += weight * d[i];
        rgb[1] += weight * d[i + 1];
        rgb[2] += weight * d[i + 2];
    }
}
