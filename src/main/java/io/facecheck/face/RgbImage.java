package io.facecheck.face;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An RGB image as float samples 0..255, interleaved HWC (row-major, R G B per pixel). Floats, not bytes,
 * because resampled network inputs are fractional and the pretrained networks were fed unrounded values.
 * Immutable by convention: nothing writes into {@link #data()} after construction.
 */
public record RgbImage(int width, int height, float[] data) {

    public RgbImage {
        Objects.requireNonNull(data, "data");
        if (width <= 0 || height <= 0 || data.length != width * height * 3) {
            throw new IllegalArgumentException("bad image size " + width + "x" + height + " for " + data.length + " samples");
        }
    }

    public static RgbImage blank(int width, int height) {
        return new RgbImage(width, height, new float[width * height * 3]);
    }

    /**
     * Copies a decoded image (any type) into RGB floats as {@link ImageLoader} does: grey images keep their
     * stored levels ({@code getRGB} would push them through a colour conversion and brighten them), alpha is
     * composited on white.
     */
    public static RgbImage fromBufferedImage(BufferedImage img) {
        return ImageLoader.toRgb(img);
    }

    /** Rounds to 8-bit RGB for display or saving. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[width * height];
        for (int i = 0, j = 0; i < rgb.length; i++, j += 3) {
            rgb[i] = (clamp(data[j]) << 16) | (clamp(data[j + 1]) << 8) | clamp(data[j + 2]);
        }
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Sample of channel {@code c} at integer pixel (x, y). */
    public float get(int x, int y, int c) {
        return data[(y * width + x) * 3 + c];
    }

    /** Left-right mirror image (for flip-averaged embeddings). */
    public RgbImage mirrored() {
        float[] d = new float[data.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                System.arraycopy(data, (y * width + x) * 3, d, (y * width + width - 1 - x) * 3, 3);
            }
        }
        return new RgbImage(width, height, d);
    }

    /** Copy of the integer-pixel rectangle, clipped to the image (at least 1×1). */
    public RgbImage crop(int x, int y, int w, int h) {
        int x0 = Math.max(0, Math.min(width - 1, x));
        int y0 = Math.max(0, Math.min(height - 1, y));
        int cw = Math.max(1, Math.min(w, width - x0));
        int ch = Math.max(1, Math.min(h, height - y0));
        float[] d = new float[cw * ch * 3];
        for (int r = 0; r < ch; r++) {
            System.arraycopy(data, ((y0 + r) * width + x0) * 3, d, r * cw * 3, cw * 3);
        }
        return new RgbImage(cw, ch, d);
    }
}
