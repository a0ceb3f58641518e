package io.facecheck.face.faceapi;

import io.facecheck.face.RgbImage;

/**
 * face-api's image preparation, reproduced to the float: {@code ops/padToSquare.ts}, tfjs
 * {@code resizeBilinear(alignCorners=false, halfPixelCenters=false)} (legacy TensorFlow sampling) and
 * {@code Box.clipAtImageBorders} + floor ({@code dom/extractFaceTensors.ts}).
 */
public final class FaceApiImaging {
    private FaceApiImaging() {
    }

    /** An integer pixel rectangle. */
    public record IntBox(int x, int y, int width, int height) {
    }

    /**
     * {@code padToSquare}: zeros on the shorter axis; {@code centred=false} appends all after the image,
     * {@code centred=true} appends {@code round(diff/2)} after and the rest before.
     */
    public static RgbImage padToSquare(RgbImage img, boolean centred) {
        int w = img.width();
        int h = img.height();
        if (w == h) {
            return img;
        }
        int diff = Math.abs(h - w);
        int after = centred ? (int) Math.floor(diff * 0.5 + 0.5) : diff; // JS Math.round: half up
        int before = centred ? diff - after : 0;
        int s = Math.max(w, h);
        float[] out = new float[s * s * 3];
        int offX = h > w ? before : 0;
        int offY = w > h ? before : 0;
        for (int r = 0; r < h; r++) {
            System.arraycopy(img.data(), r * w * 3, out, ((r + offY) * s + offX) * 3, w * 3);
        }
        return new RgbImage(s, s, out);
    }

    /** Legacy TensorFlow bilinear resize ({@code src = dst * in/out}, no half-pixel offset), in float32. */
    public static RgbImage resizeBilinear(RgbImage img, int outW, int outH) {
        int inW = img.width();
        int inH = img.height();
        if (inW == outW && inH == outH) {
            return img;
        }
        float sy = (float) inH / outH;
        float sx = (float) inW / outW;
        int[] x0 = new int[outW];
        int[] x1 = new int[outW];
        float[] fx = new float[outW];
        for (int x = 0; x < outW; x++) {
            float src = x * sx;
            x0[x] = (int) Math.floor(src);
            x1[x] = Math.min(inW - 1, (int) Math.ceil(src));
            fx[x] = src - x0[x];
        }
        float[] d = img.data();
        float[] out = new float[outW * outH * 3];
        int o = 0;
        for (int y = 0; y < outH; y++) {
            float src = y * sy;
            int y0 = (int) Math.floor(src);
            int y1 = Math.min(inH - 1, (int) Math.ceil(src));
            float fy = src - y0;
            int r0 = y0 * inW * 3;
            int r1 = y1 * inW * 3;
            for (int x = 0; x < outW; x++) {
                int a = r0 + x0[x] * 3;
                int b = r0 + x1[x] * 3;
                int c = r1 + x0[x] * 3;
                int e = r1 + x1[x] * 3;
                float f = fx[x];
                for (int k = 0; k < 3; k++) {
                    float top = d[a + k] + (d[b + k] - d[a + k]) * f;
                    float bottom = d[c + k] + (d[e + k] - d[c + k]) * f;
                    out[o++] = top + (bottom - top) * fy;
                }
            }
        }
        return new RgbImage(outW, outH, out);
    }

    /** {@code toBatchTensor(size, centred)} of one image: pad to a square, then resize to size×size. */
    public static RgbImage toNetInput(RgbImage img, int size, boolean centred) {
        RgbImage sq = padToSquare(img, centred);
        return resizeBilinear(sq, size, size);
    }

    /** {@code Box.clipAtImageBorders(W, H)} followed by floor of x, y, width, height. */
    public static IntBox clipAtImageBorders(double x, double y, double w, double h, int imgW, int imgH) {
        double cx = Math.max(x, 0);
        double cy = Math.max(y, 0);
        double cw = Math.min(x + w - cx, imgW - cx);
        double ch = Math.min(y + h - cy, imgH - cy);
        return new IntBox((int) Math.floor(cx), (int) Math.floor(cy), (int) Math.floor(cw), (int) Math.floor(ch));
    }

    /** The integer crop face-api slices ({@code tf.slice}); at least 1×1 and inside the image. */
    public static RgbImage slice(RgbImage img, IntBox b) {
        return img.crop(b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height()));
    }
}
