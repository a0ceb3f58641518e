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
        if (w >= image.width() || h >= image.height()) {
            return bilinear(image, w, h);
        }
        return areaOf(image, 0, 0, image.width(), image.height(), w, h);
    }

    /** The column pass of an area resize: one summed source row into one output row at {@code o}. */
    private static void columns(float[] row, Taps xs, float[] out, int o) {
        int w = xs.start.length;
        for (int u = 0; u < w; u++) {
            float r = 0, g = 0, b = 0;
            for (int k = xs.start[u] * 3, t = xs.offset[u]; t < xs.offset[u + 1]; k += 3, t++) {
                float wx = xs.weight[t];
                r += wx * row[k];
                g += wx * row[k + 1];
                b += wx * row[k + 2];
            }
            out[o++] = r;
            out[o++] = g;
            out[o++] = b;
        }
    }

    /**
     * The integer rectangle ({@code left}, {@code top}, {@code rw}, {@code rh}) of the image area-averaged down
     * to {@code w}×{@code h}; parts outside the image are black, as the MTCNN reference zero-pads a box that
     * crosses the frame edge before its {@code cv2.resize(…, INTER_AREA)}. Enlarging (a rectangle smaller than
     * the output) samples bilinearly instead, like {@link #crop}.
     */
    public static RgbImage areaCrop(RgbImage image, int left, int top, int rw, int rh, int w, int h) {
        checkSize(w, h);
        if (rw <= 0 || rh <= 0) {
            throw new IllegalArgumentException("bad crop size " + rw + "x" + rh);
        }
        if (w > rw || h > rh) {
            return crop(image, left, top, rw, rh, w, h);
        }
        return areaOf(image, left, top, rw, rh, w, h);
    }

    /**
     * Separable area averaging of a rectangle (rows first, then columns), with float accumulators: the row pass
     * is one multiply-add over contiguous memory per source row, which the JIT vectorises.
     */
    private static RgbImage areaOf(RgbImage image, int left, int top, int rw, int rh, int w, int h) {
        int iw = image.width(), ih = image.height();
        float[] src = image.data();
        Taps xs = Taps.of(rw, w);
        Taps ys = Taps.of(rh, h);
        // columns of the rectangle that lie inside the image
        int c0 = Math.max(0, -left), c1 = Math.min(rw, iw - left);
        float[] row = new float[rw * 3];
        // the source row is copied to the start of its own array first: C2 (JDK 17) leaves a loop over
        // src[base + i] scalar, but vectorises a[i] += w * b[i] (measured: 1.4 vs 10+ multiply-adds per ns).
        // Columns outside the image stay 0 in it, and adding w * 0 leaves a sum unchanged, so results are the same
        float[] line = new float[rw * 3];
        int n = rw * 3;
        float[] out = new float[w * h * 3];
        for (int v = 0; v < h; v++) {
            java.util.Arrays.fill(row, 0f);
            for (int k = ys.start[v], t = ys.offset[v]; t < ys.offset[v + 1]; k++, t++) {
                int sy = top + k;
                if (sy < 0 || sy >= ih || c0 >= c1) {
                    continue;
                }
                float wy = ys.weight[t];
                System.arraycopy(src, (sy * iw + left + c0) * 3, line, c0 * 3, (c1 - c0) * 3);
                for (int i = 0; i < n; i++) {
                    row[i] += wy * line[i];
                }
            }
            columns(row, xs, out, v * w * 3);
        }
        return new RgbImage(w, h, out);
    }

    /** Area taps of one axis, flattened: output u covers sources start[u]… with weight[offset[u] … offset[u+1]). */
    private record Taps(int[] start, int[] offset, float[] weight) {
        static Taps of(int n, int m) {
            int[][] idx = new int[m][];
            double[][] wt = new double[m][];
            spans(n, m, (double) n / m, idx, wt);
            int[] start = new int[m];
            int[] offset = new int[m + 1];
            for (int u = 0; u < m; u++) {
                start[u] = idx[u][0];
                offset[u + 1] = offset[u] + idx[u].length;
            }
            float[] weight = new float[offset[m]];
            for (int u = 0; u < m; u++) {
                for (int k = 0; k < wt[u].length; k++) {
                    weight[offset[u] + k] = (float) wt[u][k];
                }
            }
            return new Taps(start, offset, weight);
        }
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
