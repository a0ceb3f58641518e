package io.facecheck.face;

/**
 * Resampling of {@link RgbImage}s with OpenCV's {@code INTER_LINEAR} geometry (pixel centres at +0.5, so the
 * image is stretched edge to edge), which the MTCNN reference code used for its pyramid and stage crops.
 */
public final class Resize {

    private Resize() {
    }

    /** Bilinear resize of the whole image to {@code w}×{@code h}; edges replicate (no black seeps in). */
    public static RgbImage bilinear(RgbImage image, int w, int h) {
        checkSize(w, h);
        if (w == image.width() && h == image.height()) {
            return image;
        }
        int iw = image.width(), ih = image.height();
        float[] src = image.data();
        float[] out = new float[w * h * 3];
        double sx = (double) iw / w, sy = (double) ih / h;
        int[] x0 = new int[w], x1 = new int[w];
        float[] fx = new float[w];
        for (int u = 0; u < w; u++) {
            double x = Math.max(0, Math.min(iw - 1, (u + 0.5) * sx - 0.5));
            x0[u] = (int) x;
            x1[u] = Math.min(iw - 1, x0[u] + 1);
            fx[u] = (float) (x - x0[u]);
        }
        int o = 0;
        for (int v = 0; v < h; v++) {
            double y = Math.max(0, Math.min(ih - 1, (v + 0.5) * sy - 0.5));
            int y0 = (int) y;
            int y1 = Math.min(ih - 1, y0 + 1);
            float fy = (float) (y - y0);
            int r0 = y0 * iw * 3, r1 = y1 * iw * 3;
            for (int u = 0; u < w; u++) {
                int a = r0 + x0[u] * 3, b = r0 + x1[u] * 3, c = r1 + x0[u] * 3, e = r1 + x1[u] * 3;
                float wx = fx[u];
                for (int ch = 0; ch < 3; ch++) {
                    float top = src[a + ch] + (src[b + ch] - src[a + ch]) * wx;
                    float bot = src[c + ch] + (src[e + ch] - src[c + ch]) * wx;
                    out[o++] = top + (bot - top) * fy;
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * The rectangle ({@code x}, {@code y}, {@code rw}, {@code rh}) of the image (pixel units; the rectangle
     * covers pixels x … x+rw−1), bilinearly resized to {@code w}×{@code h}. Parts of the rectangle outside
     * the image are black, as in the MTCNN reference, which zero-pads boxes that cross the frame edge.
     */
    public static RgbImage crop(RgbImage image, double x, double y, double rw, double rh, int w, int h) {
        checkSize(w, h);
        if (!(rw > 0 && rh > 0)) {
            throw new IllegalArgumentException("bad crop size " + rw + "x" + rh);
        }
        double sx = rw / w, sy = rh / h;
        float[] out = new float[w * h * 3];
        double[] px = new double[3];
        int o = 0;
        for (int v = 0; v < h; v++) {
            double yy = y + Math.max(0, Math.min(rh - 1, (v + 0.5) * sy - 0.5));
            for (int u = 0; u < w; u++) {
                double xx = x + Math.max(0, Math.min(rw - 1, (u + 0.5) * sx - 0.5));
                Alignment.sample(image, xx, yy, px);
                out[o++] = (float) px[0];
                out[o++] = (float) px[1];
                out[o++] = (float) px[2];
            }
        }
        return new RgbImage(w, h, out);
    }

    /**
     * Box-filter (area-average) downscale, OpenCV's {@code INTER_AREA}: every source pixel contributes in
     * proportion to its overlap with the output pixel. Use it for pyramid levels far below 1/2 scale, where
     * bilinear sampling skips pixels and aliases. Falls back to {@link #bilinear} when enlarging.
     */
    public static RgbImage area(RgbImage image, int w, int h) {
        checkSize(w, h);
        int iw = image.width(), ih = image.height();
        if (w >= iw || h >= ih) {
            return bilinear(image, w, h);
        }
        float[] src = image.data();
        double sx = (double) iw / w, sy = (double) ih / h;
        // per-axis lists of (source index, weight) per output index
        int[][] xi = new int[w][];
        double[][] xw = new double[w][];
        spans(iw, w, sx, xi, xw);
        int[][] yi = new int[h][];
        double[][] yw = new double[h][];
        spans(ih, h, sy, yi, yw);
        float[] out = new float[w * h * 3];
        double[] row = new double[w * 3];
        for (int v = 0; v < h; v++) {
            java.util.Arrays.fill(row, 0);
            for (int k = 0; k < yi[v].length; k++) {
                int r = yi[v][k] * iw * 3;
                double wy = yw[v][k];
                for (int u = 0; u < w; u++) {
                    double r0 = 0, g0 = 0, b0 = 0;
                    for (int m = 0; m < xi[u].length; m++) {
                        int p = r + xi[u][m] * 3;
                        double wx = xw[u][m];
                        r0 += wx * src[p];
                        g0 += wx * src[p + 1];
                        b0 += wx * src[p + 2];
                    }
                    row[u * 3] += wy * r0;
                    row[u * 3 + 1] += wy * g0;
                    row[u * 3 + 2] += wy * b0;
                }
            }
            for (int i = 0; i < w * 3; i++) {
                out[v * w * 3 + i] = (float) row[i];
            }
        }
        return new RgbImage(w, h, out);
    }

    /** Per output index: the source indexes it covers and their overlap weights (summing to 1). */
    static void spans(int n, int m, double scale, int[][] idx, double[][] wt) {
        for (int u = 0; u < m; u++) {
            double lo = u * scale, hi = Math.min(n, (u + 1) * scale);
            int first = (int) Math.floor(lo), last = Math.min(n - 1, (int) Math.ceil(hi) - 1);
            int cnt = last - first + 1;
            idx[u] = new int[cnt];
            wt[u] = new double[cnt];
            for (int k = 0; k < cnt; k++) {
                int s = first + k;
                double overlap = Math.min(hi, s + 1) - Math.max(lo, s);
                idx[u][k] = s;
                wt[u][k] = overlap / (hi - lo);
            }
        }
    }

    private static void checkSize(int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("bad output size " + w + "x" + h);
        }
    }
}
