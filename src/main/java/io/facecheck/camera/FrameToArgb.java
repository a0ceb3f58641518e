package io.facecheck.camera;

import org.bytedeco.javacv.Frame;

import java.nio.ByteBuffer;

/**
 * Copies a grabbed 8-bit BGR (or gray, or BGRA) {@link Frame} into ARGB ints. One per source, reused: the
 * row buffer is kept between frames so a capture loop allocates only the output array.
 */
final class FrameToArgb {
    private byte[] row = new byte[0];

    VideoFrame convert(Frame frame, String source) throws CameraException {
        if (frame.image == null || frame.image.length == 0 || !(frame.image[0] instanceof ByteBuffer buf)) {
            throw new CameraException(source + ": frame has no 8-bit picture");
        }
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        int ch = frame.imageChannels;
        int stride = frame.imageStride;
        if (w <= 0 || h <= 0 || (ch != 1 && ch != 3 && ch != 4) || stride < w * ch) {
            throw new CameraException(source + ": unsupported frame " + w + "x" + h + "x" + ch + " stride " + stride);
        }
        if (row.length < w * ch) {
            row = new byte[w * ch];
        }
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            buf.get(y * stride, row, 0, w * ch);
            int o = y * w;
            if (ch == 1) {
                for (int x = 0; x < w; x++) {
                    int g = row[x] & 0xff;
                    argb[o + x] = 0xff000000 | (g << 16) | (g << 8) | g;
                }
            } else {
                for (int x = 0, i = 0; x < w; x++, i += ch) {
                    argb[o + x] = 0xff000000 | ((row[i + 2] & 0xff) << 16) | ((row[i + 1] & 0xff) << 8) | (row[i] & 0xff);
                }
            }
        }
        return new VideoFrame(w, h, argb, 0, System.nanoTime());
    }
}
