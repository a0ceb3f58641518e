package io.facecheck.eval;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.Resize;
import io.facecheck.face.RgbImage;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One image degradation of the FaceNet paper's robustness study (its Table 4) and two more a kiosk meets:
 * <ul>
 *   <li>{@code jpeg=q}: re-encoded as a baseline JPEG at quality q (1–100) with ImageIO and decoded again;</li>
 *   <li>{@code pixels=n}: the whole image scaled down (area averaging) so that the face — the detector's box on
 *       the <em>clean</em> image — covers about n pixels, then scaled back up (bilinear) to the original size, as
 *       the paper does; an image whose face already covers n pixels or fewer is left as it is;</li>
 *   <li>{@code blur=s}: Gaussian blur with standard deviation s pixels;</li>
 *   <li>{@code dark=g}: gamma g on 0..1 levels ({@code 255·(x/255)^g}; g &gt; 1 darkens, an underexposed camera).</li>
 * </ul>
 *
 * @param kind  {@code jpeg}, {@code pixels}, {@code blur} or {@code dark}
 * @param level the kind's parameter (quality, face pixels, sigma, gamma)
 */
public record Degradation(String kind, double level) {

    public static final List<String> KINDS = List.of("jpeg", "pixels", "blur", "dark");

    public Degradation {
        switch (kind) {
            case "jpeg" -> require(level >= 1 && level <= 100 && level == Math.rint(level), "jpeg quality must be a whole number 1..100", level);
            case "pixels" -> require(level >= 16 && level == Math.rint(level), "pixels must be a whole number of at least 16", level);
            case "blur" -> require(level > 0 && level <= 50, "blur sigma must be in (0, 50] pixels", level);
            case "dark" -> require(level > 0 && level <= 10, "dark gamma must be in (0, 10]", level);
            default -> throw new IllegalArgumentException("unknown degradation '" + kind + "' (choose one of "
                    + String.join(", ", KINDS) + ")");
        }
    }

    private static void require(boolean ok, String what, double level) {
        if (!ok) {
            throw new IllegalArgumentException(what + ", got " + fmt(level));
        }
    }

    /**
     * Parses {@code kind=v1,v2,…} specs; one spec may hold several kinds ({@code jpeg=90,20,pixels=1600}), and
     * specs may be repeated. Order is kept, duplicates dropped.
     *
     * @throws IllegalArgumentException with the offending token when a spec is malformed
     */
    public static List<Degradation> parse(List<String> specs) {
        List<Degradation> out = new ArrayList<>();
        for (String spec : specs) {
            String kind = null;
            for (String raw : spec.split(",")) {
                String token = raw.trim();
                if (token.isEmpty()) {
                    continue;
                }
                int eq = token.indexOf('=');
                if (eq >= 0) {
                    kind = token.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                    token = token.substring(eq + 1).trim();
                    if (!KINDS.contains(kind)) {
                        throw new IllegalArgumentException("unknown degradation '" + kind + "' in '" + spec
                                + "' (choose one of " + String.join(", ", KINDS) + ")");
                    }
                }
                if (kind == null) {
                    throw new IllegalArgumentException("'" + spec + "' must start with KIND=, e.g. jpeg=90,20,10");
                }
                double level;
                try {
                    level = Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + token + "' in '" + spec + "' is not a number");
                }
                Degradation d = new Degradation(kind, level);
                if (!out.contains(d)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** {@code jpeg=20}, {@code pixels=1600}. */
    public String label() {
        return kind + "=" + fmt(level);
    }

    /** The level as written: whole numbers without a decimal point. */
    public static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * The degraded copy of {@code image}.
     *
     * @param cleanFace the face box found on the clean image (used by {@code pixels} only; null when the clean
     *                  image has no face, in which case {@code pixels} leaves the image as it is)
     */
    public RgbImage apply(RgbImage image, BoundingBox cleanFace) {
        return switch (kind) {
            case "jpeg" -> jpeg(image, (int) level);
            case "pixels" -> cleanFace == null ? image : facePixels(image, cleanFace.area(), (long) level);
            case "blur" -> gaussianBlur(image, level);
            case "dark" -> gamma(image, level);
            default -> throw new IllegalStateException(kind);
        };
    }

    /** Whether {@link #apply} changes the image at all ({@code pixels} above the face's own size does not). */
    public boolean changes(BoundingBox cleanFace) {
        return !kind.equals("pixels") || cleanFace != null && cleanFace.area() > level;
    }

    /** JPEG round trip at {@code quality} (1–100) through ImageIO's baseline encoder. */
    public static RgbImage jpeg(RgbImage image, int quality) {
        BufferedImage src = image.toBufferedImage();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(src, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        try {
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            return RgbImage.fromBufferedImage(back);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scales the image down so a face of {@code faceArea} pixels covers {@code pixels}, then back up to the
     * original size: the detail of a face that small, at the frame size the pipeline expects.
     */
    public static RgbImage facePixels(RgbImage image, double faceArea, long pixels) {
        if (faceArea <= pixels) {
            return image;
        }
        double f = Math.sqrt(pixels / faceArea);
        int w = Math.max(1, (int) Math.round(image.width() * f));
        int h = Math.max(1, (int) Math.round(image.height() * f));
        return Resize.bilinear(Resize.area(image, w, h), image.width(), image.height());
    }

    /** Separable Gaussian blur, kernel radius 3σ, edges clamped. */
    public static RgbImage gaussianBlur(RgbImage image, double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        int w = image.width(), h = image.height();
        float[] src = image.data(), tmp = new float[src.length], dst = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float a = 0, b = 0, c = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = Math.min(w - 1, Math.max(0, x + i));
                    int o = (y * w + xx) * 3;
                    float wk = k[i + r];
                    a += wk * src[o];
                    b += wk * src[o + 1];
                    c += wk * src[o + 2];
                }
                int o = (y * w + x) * 3;
                tmp[o] = a;
                tmp[o + 1] = b;
                tmp[o + 2] = c;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float a = 0, b = 0, c = 0;
                for (int i = -r; i <= r; i++) {
                    int yy = Math.min(h - 1, Math.max(0, y + i));
                    int o = (yy * w + x) * 3;
                    float wk = k[i + r];
                    a += wk * tmp[o];
                    b += wk * tmp[o + 1];
                    c += wk * tmp[o + 2];
                }
                int o = (y * w + x) * 3;
                dst[o] = a;
                dst[o + 1] = b;
                dst[o + 2] = c;
            }
        }
        return new RgbImage(w, h, dst);
    }

    /** {@code 255·(x/255)^g}, rounded to 8-bit levels as a camera would deliver them. */
    public static RgbImage gamma(RgbImage image, double g) {
        float[] lut = new float[256];
        for (int i = 0; i < 256; i++) {
            lut[i] = Math.round(255 * Math.pow(i / 255.0, g));
        }
        float[] src = image.data(), dst = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            dst[i] = lut[Math.max(0, Math.min(255, Math.round(src[i])))];
        }
        return new RgbImage(image.width(), image.height(), dst);
    }
}
