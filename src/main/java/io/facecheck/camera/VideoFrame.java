package io.facecheck.camera;

import io.facecheck.face.RgbImage;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One captured picture as opaque ARGB pixels (0xFFRRGGBB, row-major), copied out of the grabber so it can be
 * handed to other threads. Immutable by convention: nothing writes into {@link #argb()} after construction.
 *
 * @param sequence  1, 2, 3, … per capture, so consumers can tell a newer frame from one they have seen
 * @param capturedNanos {@link System#nanoTime()} when the picture was grabbed
 */
public record VideoFrame(int width, int height, int[] argb, long sequence, long capturedNanos) {

    public VideoFrame {
        Objects.requireNonNull(argb, "argb");
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("bad frame size " + width + "x" + height + " for " + argb.length + " pixels");
        }
    }

    static VideoFrame of(RgbImage img) {
        float[] d = img.data();
        int[] argb = new int[img.width() * img.height()];
        for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
            argb[i] = 0xff000000 | (clamp(d[j]) << 16) | (clamp(d[j + 1]) << 8) | clamp(d[j + 2]);
        }
        return new VideoFrame(img.width(), img.height(), argb, 0, System.nanoTime());
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    VideoFrame withSequence(long seq, long nanos) {
        return new VideoFrame(width, height, argb, seq, nanos);
    }

    /** The picture as the engine wants it: float RGB 0..255, HWC. */
    public RgbImage toRgbImage() {
        float[] d = new float[width * height * 3];
        for (int i = 0, j = 0; i < argb.length; i++) {
            int p = argb[i];
            d[j++] = (p >> 16) & 0xff;
            d[j++] = (p >> 8) & 0xff;
            d[j++] = p & 0xff;
        }
        return new RgbImage(width, height, d);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        return img;
    }
}
