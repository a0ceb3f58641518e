package io.facecheck.face;

import com.drew.imaging.ImageMetadataReader;
import io.facecheck.config.LocalizedMessage;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads photos into {@link RgbImage}s: JPEG (incl. CMYK/YCCK, via TwelveMonkeys), PNG, BMP and WebP, told apart
 * by content; EXIF orientation applied; grey, palette, 16-bit and alpha images turned into plain RGB (alpha
 * composited on white, as viewers show it). Protects against decompression bombs by reading the header size
 * first: over {@link Limits#maxPixels()} the file is refused, over {@link Limits#maxSide()} it is decoded with
 * subsampling and downscaled. Every failure is an {@link ImageLoadException} with a one-line reason.
 * Immutable and thread-safe.
 */
public final class ImageLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ImageLoader.class);

    /**
     * @param maxPixels  stored width × height above which a file is refused (a 40 MP photo decodes to 480 MB
     *                   of floats; nothing a face engine needs)
     * @param maxSide    longest side above which the photo is downscaled to this; faces stay far above
     *                   detector minimum size, and detection time stays bounded
     * @param maxFileBytes files larger than this are refused before reading
     */
    public record Limits(long maxPixels, int maxSide, long maxFileBytes) {
        public static final Limits DEFAULT = new Limits(40_000_000L, 4096, 256L << 20);

        public Limits {
            if (maxPixels <= 0 || maxSide <= 0 || maxFileBytes <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    private final Limits limits;

    public ImageLoader() {
        this(Limits.DEFAULT);
    }

    public ImageLoader(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** The upright RGB image in {@code file}. */
    public RgbImage load(Path file) throws ImageLoadException {
        return read(file).image();
    }

    /** The upright RGB image in {@code file} with format, stored size, orientation and scale. */
    public LoadedImage read(Path file) throws ImageLoadException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ImageLoadException(file, LocalizedMessage.of("cli.image.directory"));
            }
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new ImageLoadException(file, LocalizedMessage.of("cli.image.tooLarge", String.format(Locale.ROOT, "%.0f", size / 1048576.0),
                        String.format(Locale.ROOT, "%.0f", limits.maxFileBytes() / 1048576.0)));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageLoadException(file, LocalizedMessage.of("cli.image.missing"));
        } catch (IOException e) {
            throw new ImageLoadException(file, LocalizedMessage.of("cli.image.unreadable", e.getMessage()), e);
        }
        return read(bytes, file);
    }

    /** Decodes {@code bytes}; {@code name} is only used in messages. */
    public LoadedImage read(byte[] bytes, Path name) throws ImageLoadException {
        if (bytes.length == 0) {
            throw new ImageLoadException(name, LocalizedMessage.of("cli.image.empty"));
        }
        byte[] head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 64));
        ImageFormat format = ImageFormat.sniff(head).orElseThrow(() -> new ImageLoadException(name,
                ImageFormat.knownOther(head).map(f -> LocalizedMessage.of("cli.image.unsupported", f))
                        .orElse(LocalizedMessage.of("cli.image.unknown"))));
        ImageReader reader = readerFor(format)
                .orElseThrow(() -> new ImageLoadException(name, LocalizedMessage.of("cli.image.noDecoder", format)));
        BufferedImage decoded;
        int w = 0, h = 0;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            w = reader.getWidth(0);
            h = reader.getHeight(0);
            if (w <= 0 || h <= 0) {
                throw new ImageLoadException(name, LocalizedMessage.of("cli.image.emptyHeader", w + "x" + h));
            }
            long pixels = (long) w * h;
            if (pixels > limits.maxPixels()) {
                throw new ImageLoadException(name, LocalizedMessage.of("cli.image.tooManyPixels", w + "x" + h,
                        String.format(Locale.ROOT, "%.1f", pixels / 1e6), String.format(Locale.ROOT, "%.1f", limits.maxPixels() / 1e6)));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int sub = Math.max(w, h) / limits.maxSide(); // decode at ≥ maxSide, then area-resize exactly
            if (sub >= 2) {
                param.setSourceSubsampling(sub, sub, 0, 0);
            }
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((r, warning) -> warnings.add(warning));
            // the decoders fill a cut-off JPEG with grey and only warn; a missing end marker is the sure sign
            if (format == ImageFormat.JPEG && !hasJpegEnd(bytes)) {
                throw new ImageLoadException(name, LocalizedMessage.of("cli.image.truncatedJpeg"));
            }
            decoded = reader.read(0, param);
            if (!warnings.isEmpty()) {
                LOG.debug("{}: decoder warnings {}", name, warnings);
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (java.io.EOFException e) {
            throw new ImageLoadException(name, LocalizedMessage.of("cli.image.truncated", format), e);
        } catch (IIOException e) {
            throw new ImageLoadException(name, LocalizedMessage.of("cli.image.corrupt", format, oneLine(e)), e);
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(name, LocalizedMessage.of("cli.image.undecodable", format, oneLine(e)), e);
        } catch (OutOfMemoryError e) {
            throw new ImageLoadException(name, LocalizedMessage.of("cli.image.outOfMemory", w + "x" + h));
        } finally {
            reader.dispose();
        }
        RgbImage rgb;
        int dw = decoded.getWidth(), dh = decoded.getHeight();
        if (Math.max(dw, dh) > limits.maxSide()) {
            double f = (double) limits.maxSide() / Math.max(dw, dh);
            rgb = toRgbArea(decoded, Math.max(1, (int) Math.round(dw * f)), Math.max(1, (int) Math.round(dh * f)));
        } else {
            rgb = toRgb(decoded);
        }
        double scale = 1;
        if (rgb.width() != w) {
            scale = (double) rgb.width() / w;
            LOG.debug("{}: {}x{} downscaled to {}x{}", name, w, h, rgb.width(), rgb.height());
        }
        int orientation = exifOrientation(bytes, name);
        return new LoadedImage(orient(rgb, orientation), format, w, h, orientation, scale);
    }

    private static String oneLine(Throwable e) {
        Throwable t = e;
        String msg = t.getMessage();
        while ((msg == null || msg.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            msg = t.getMessage();
        }
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        return msg.replaceAll("\\s+", " ").trim();
    }

    /** TwelveMonkeys' reader where there is one (it handles CMYK/YCCK JPEG and WebP), else the JDK's. */
    private static Optional<ImageReader> readerFor(ImageFormat format) {
        ImageReader fallback = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.imageIoName()); it.hasNext(); ) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys")) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return Optional.of(r);
            }
            if (fallback == null) {
                fallback = r;
            } else {
                r.dispose();
            }
        }
        return Optional.ofNullable(fallback);
    }

    /** A JPEG ends with FF D9; some writers pad with a few zero or garbage bytes after it. */
    private static boolean hasJpegEnd(byte[] b) {
        int from = Math.max(1, b.length - 4096);
        for (int i = b.length - 1; i >= from; i--) {
            if ((b[i] & 0xFF) == 0xD9 && (b[i - 1] & 0xFF) == 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static int exifOrientation(byte[] bytes, Path name) {
        try {
            Metadata md = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            for (ExifIFD0Directory dir : md.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int o = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return o >= 1 && o <= 8 ? o : 1;
                }
            }
        } catch (Exception e) {
            LOG.debug("{}: no readable EXIF ({})", name, e.toString());
        }
        return 1;
    }

    /** Converts any decoded image to RGB floats: grey read directly (no colour-space gamma), alpha over white. */
    static RgbImage toRgb(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        RowReader rows = new RowReader(img);
        float[] d = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            rows.read(y, d, y * w * 3);
        }
        return new RgbImage(w, h, d);
    }

    /**
     * Converts and area-downscales ({@link Resize#area} geometry) in one pass over the rows, so a large photo
     * never exists as a full-size float image (12 bytes a pixel: 480 MB at 40 MP); only the output and one
     * source row are held.
     */
    static RgbImage toRgbArea(BufferedImage img, int ow, int oh) {
        int w = img.getWidth(), h = img.getHeight();
        int[][] xi = new int[ow][];
        double[][] xw = new double[ow][];
        Resize.spans(w, ow, (double) w / ow, xi, xw);
        int[][] yi = new int[oh][];
        double[][] yw = new double[oh][];
        Resize.spans(h, oh, (double) h / oh, yi, yw);
        // per source row: the output rows it feeds and with what weight (at most a few when shrinking)
        java.util.List<java.util.List<double[]>> feeds = new ArrayList<>(h);
        for (int y = 0; y < h; y++) {
            feeds.add(new ArrayList<>(2));
        }
        for (int v = 0; v < oh; v++) {
            for (int k = 0; k < yi[v].length; k++) {
                feeds.get(yi[v][k]).add(new double[] {v, yw[v][k]});
            }
        }
        RowReader rows = new RowReader(img);
        float[] src = new float[w * 3];
        double[] reduced = new double[ow * 3];
        double[] acc = new double[ow * oh * 3];
        for (int y = 0; y < h; y++) {
            if (feeds.get(y).isEmpty()) {
                continue;
            }
            rows.read(y, src, 0);
            for (int u = 0; u < ow; u++) {
                double r = 0, g = 0, b = 0;
                for (int m = 0; m < xi[u].length; m++) {
                    int p = xi[u][m] * 3;
                    double wt = xw[u][m];
                    r += wt * src[p];
                    g += wt * src[p + 1];
                    b += wt * src[p + 2];
                }
                reduced[u * 3] = r;
                reduced[u * 3 + 1] = g;
                reduced[u * 3 + 2] = b;
            }
            for (double[] f : feeds.get(y)) {
                int base = (int) f[0] * ow * 3;
                double wt = f[1];
                for (int i = 0; i < ow * 3; i++) {
                    acc[base + i] += wt * reduced[i];
                }
            }
        }
        float[] out = new float[acc.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) acc[i];
        }
        return new RgbImage(ow, oh, out);
    }

    /** Reads one row of any decoded image as RGB floats (grey without colour conversion, alpha over white). */
    private static final class RowReader {
        private final BufferedImage img;
        private final Raster raster;
        private final boolean grey;
        private final boolean alpha;
        private final double greyMax;
        private final double alphaMax;
        private final int[] px;
        private final int[] argb;

        RowReader(BufferedImage img) {
            this.img = img;
            this.raster = img.getRaster();
            ColorModel cm = img.getColorModel();
            // getRGB() would push linear grey through a colour conversion and brighten it; the samples are the
            // stored grey levels, which is what the photo means
            this.grey = cm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                    && raster.getNumBands() <= 2 && !(cm instanceof java.awt.image.IndexColorModel);
            this.alpha = cm.hasAlpha();
            this.greyMax = grey ? (1 << cm.getComponentSize(0)) - 1 : 255;
            this.alphaMax = grey && raster.getNumBands() == 2 ? (1 << cm.getComponentSize(1)) - 1 : 255;
            this.px = new int[img.getWidth() * raster.getNumBands()];
            this.argb = new int[img.getWidth()];
        }

        void read(int y, float[] out, int off) {
            int w = img.getWidth();
            if (grey) {
                raster.getPixels(0, y, w, 1, px);
                int bands = raster.getNumBands();
                for (int x = 0, j = off; x < w; x++) {
                    double v = px[x * bands] * 255.0 / greyMax;
                    if (bands == 2) {
                        double a = px[x * bands + 1] / alphaMax;
                        v = v * a + 255 * (1 - a);
                    }
                    float f = (float) v;
                    out[j++] = f;
                    out[j++] = f;
                    out[j++] = f;
                }
                return;
            }
            img.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0, j = off; x < w; x++) {
                int p = argb[x];
                float r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
                if (alpha) {
                    float a = ((p >>> 24) & 0xff) / 255f;
                    r = r * a + 255 * (1 - a);
                    g = g * a + 255 * (1 - a);
                    b = b * a + 255 * (1 - a);
                }
                out[j++] = r;
                out[j++] = g;
                out[j++] = b;
            }
        }
    }

    /** Applies EXIF orientation {@code o} (1..8) so the result is upright. */
    static RgbImage orient(RgbImage img, int o) {
        if (o <= 1 || o > 8) {
            return img;
        }
        int w = img.width(), h = img.height();
        boolean swap = o >= 5;
        int ow = swap ? h : w, oh = swap ? w : h;
        float[] src = img.data();
        float[] out = new float[src.length];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                // (sx, sy): the stored pixel shown at upright (x, y)
                int sx, sy;
                switch (o) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                int si = (sy * w + sx) * 3, di = (y * ow + x) * 3;
                out[di] = src[si];
                out[di + 1] = src[si + 1];
                out[di + 2] = src[si + 2];
            }
        }
        return new RgbImage(ow, oh, out);
    }
}
