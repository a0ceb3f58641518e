package io.facecheck.face.liveness;

import io.facecheck.face.RgbImage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthesises presentation attacks as a camera would see them, for the liveness tests and the measured attack
 * set (docs/liveness.md). Every frame is rendered by inverse-mapping each camera pixel through a real
 * plane-to-camera projection (pinhole camera, the plane rotated in 3-D and moved), so the landmarks of the
 * face on the plane move exactly as those of a flat object do.
 * <ul>
 *   <li>{@link #print}: a still photo printed with a white paper border, held in front of the camera: tilted
 *       (yaw, pitch, roll), moved and brought closer/further along a smooth path with hand jitter, under a
 *       light that brightens and dims across the paper, with defocus blur and sensor noise;</li>
 *   <li>{@link #replay}: a video played on a phone/tablet screen: the frames with the display's black level
 *       and gamma, its RGB sub-pixel grid (point-sampled by the camera, hence moiré), a dark bezel and a
 *       reflection, the device moved and tilted the same way.</li>
 * </ul>
 * Deterministic for a given seed.
 */
public final class PresentationAttacks {
    private final int width;
    private final int height;

    public PresentationAttacks(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * The centre of an LFW-style photo (250×250, the face in the middle): a head-and-shoulders print without
     * the bystanders LFW photos often show at their edges.
     */
    public static RgbImage portrait(RgbImage photo) {
        int w = photo.width() * 3 / 5;
        int h = photo.height() * 7 / 10;
        return photo.crop((photo.width() - w) / 2, (photo.height() - h) / 2, w, h);
    }

    /** {@code frames} camera frames at {@code fps} of {@code photo} printed on paper and held up. */
    public List<RgbImage> print(RgbImage photo, int frames, double fps, long seed) {
        Random r = new Random(seed);
        int border = Math.max(4, Math.round(0.08f * Math.max(photo.width(), photo.height())));
        int pw = photo.width() + 2 * border;
        int ph = photo.height() + 2 * border;
        float[] paper = new float[pw * ph * 3];
        float white = 225 + r.nextInt(25);
        java.util.Arrays.fill(paper, white);
        for (int y = 0; y < photo.height(); y++) {
            for (int x = 0; x < photo.width(); x++) {
                for (int c = 0; c < 3; c++) {
                    // ink on paper: a little less contrast than the screen photo
                    paper[((y + border) * pw + x + border) * 3 + c] = 12 + photo.get(x, y, c) * 0.9f;
                }
            }
        }
        Path path = Path.random(r, 0.7 + 0.3 * r.nextDouble());
        Background bg = Background.random(r, width, height);
        double blur = r.nextDouble() * 1.2;
        List<RgbImage> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            double t = i / fps;
            double[] hinv = path.inverse(t, pw, ph, width, height);
            double gain = 0.85 + 0.15 * Math.sin(2 * Math.PI * 0.25 * t + path.phase) + 0.1 * (r.nextDouble() - 0.5) * 0.2;
            double grad = 0.25 * Math.sin(2 * Math.PI * 0.15 * t + 1);
            float[] d = bg.copy();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double w = hinv[6] * x + hinv[7] * y + hinv[8];
                    double u = (hinv[0] * x + hinv[1] * y + hinv[2]) / w;
                    double v = (hinv[3] * x + hinv[4] * y + hinv[5]) / w;
                    if (u < 0 || v < 0 || u > pw - 1 || v > ph - 1) {
                        continue;
                    }
                    double light = gain * (1 + grad * (u / pw - 0.5));
                    int o = (y * width + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        d[o + c] = (float) (bilinear(paper, pw, ph, u, v, c) * light);
                    }
                }
            }
            out.add(finish(d, blur, r));
        }
        return out;
    }

    /** The frames of {@code video} (at {@code fps}) as a camera sees them played on a screen held up. */
    public List<RgbImage> replay(List<RgbImage> video, double fps, long seed) {
        Random r = new Random(seed);
        RgbImage first = video.get(0);
        int vw = first.width();
        int vh = first.height();
        int bezel = Math.max(6, vw / 14);
        int sw = vw + 2 * bezel;
        int sh = vh + 2 * bezel;
        Path path = Path.random(r, 0.55 + 0.25 * r.nextDouble()).gentler();
        Background bg = Background.random(r, width, height);
        double blur = r.nextDouble() * 0.8;
        double black = 10 + r.nextInt(15);
        double gamma = 1.0 + 0.25 * r.nextDouble();
        double glareX = r.nextDouble() * sw;
        double glareY = r.nextDouble() * sh;
        double glare = 20 + 40 * r.nextDouble();
        // the sub-pixel grid: one screen pixel per video pixel, R, G, B stripes a third of a pixel apart
        double depth = 0.25 + 0.2 * r.nextDouble();
        List<RgbImage> out = new ArrayList<>(video.size());
        for (int i = 0; i < video.size(); i++) {
            double t = i / fps;
            float[] content = video.get(i).data();
            double[] hinv = path.inverse(t, sw, sh, width, height);
            float[] d = bg.copy();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double w = hinv[6] * x + hinv[7] * y + hinv[8];
                    double u = (hinv[0] * x + hinv[1] * y + hinv[2]) / w;
                    double v = (hinv[3] * x + hinv[4] * y + hinv[5]) / w;
                    if (u < 0 || v < 0 || u > sw - 1 || v > sh - 1) {
                        continue;
                    }
                    int o = (y * width + x) * 3;
                    double g = glare * Math.exp(-((u - glareX) * (u - glareX) + (v - glareY) * (v - glareY)) / (0.15 * sw * sw));
                    double cu = u - bezel;
                    double cv = v - bezel;
                    if (cu < 0 || cv < 0 || cu > vw - 1 || cv > vh - 1) {
                        for (int c = 0; c < 3; c++) {
                            d[o + c] = (float) (22 + g * 0.5);
                        }
                        continue;
                    }
                    for (int c = 0; c < 3; c++) {
                        double val = bilinear(content, vw, vh, cu, cv, c) / 255;
                        double sub = 1 - depth * (0.5 + 0.5 * Math.cos(2 * Math.PI * (cu - c / 3.0)));
                        double rowGap = 1 - 0.5 * depth * (0.5 + 0.5 * Math.cos(2 * Math.PI * cv));
                        d[o + c] = (float) (black + (255 - black) * Math.pow(val, gamma) * sub * rowGap + g);
                    }
                }
            }
            out.add(finish(d, blur, r));
        }
        return out;
    }

    private RgbImage finish(float[] d, double blur, Random r) {
        if (blur > 0.3) {
            d = gaussian(d, width, height, blur);
        }
        for (int k = 0; k < d.length; k++) {
            d[k] = (float) Math.max(0, Math.min(255, d[k] + r.nextGaussian() * 2.0));
        }
        return new RgbImage(width, height, d);
    }

    static double bilinear(float[] img, int w, int h, double x, double y, int c) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        double fx = x - Math.floor(x);
        double fy = y - Math.floor(y);
        double a = img[(y0 * w + x0) * 3 + c] * (1 - fx) + img[(y0 * w + x1) * 3 + c] * fx;
        double b = img[(y1 * w + x0) * 3 + c] * (1 - fx) + img[(y1 * w + x1) * 3 + c] * fx;
        return a * (1 - fy) + b * fy;
    }

    static float[] gaussian(float[] src, int w, int h, double sigma) {
        int rad = (int) Math.ceil(2.5 * sigma);
        double[] k = new double[2 * rad + 1];
        double sum = 0;
        for (int i = -rad; i <= rad; i++) {
            k[i + rad] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + rad];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[src.length];
        float[] dst = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double a = 0;
                    for (int i = -rad; i <= rad; i++) {
                        int xx = Math.max(0, Math.min(w - 1, x + i));
                        a += k[i + rad] * src[(y * w + xx) * 3 + c];
                    }
                    tmp[(y * w + x) * 3 + c] = (float) a;
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double a = 0;
                    for (int i = -rad; i <= rad; i++) {
                        int yy = Math.max(0, Math.min(h - 1, y + i));
                        a += k[i + rad] * tmp[(yy * w + x) * 3 + c];
                    }
                    dst[(y * w + x) * 3 + c] = (float) a;
                }
            }
        }
        return dst;
    }

    /** How the held object moves: smooth tilts and drifts plus a little hand tremor. */
    private static final class Path {
        final double yawAmp;
        final double pitchAmp;
        final double rollAmp;
        final double shiftAmp;
        final double zoomAmp;
        final double phase;
        final double fill;
        final double[] jitter;

        private Path(double yawAmp, double pitchAmp, double rollAmp, double shiftAmp, double zoomAmp, double phase,
                     double fill, double[] jitter) {
            this.yawAmp = yawAmp;
            this.pitchAmp = pitchAmp;
            this.rollAmp = rollAmp;
            this.shiftAmp = shiftAmp;
            this.zoomAmp = zoomAmp;
            this.phase = phase;
            this.fill = fill;
            this.jitter = jitter;
        }

        static Path random(Random r, double fill) {
            double[] j = new double[6];
            for (int i = 0; i < j.length; i++) {
                j[i] = r.nextDouble() * 2 * Math.PI;
            }
            return new Path(Math.toRadians(8 + 22 * r.nextDouble()), Math.toRadians(5 + 15 * r.nextDouble()),
                    Math.toRadians(8 * r.nextDouble()), 0.05 + 0.1 * r.nextDouble(), 0.05 + 0.1 * r.nextDouble(),
                    r.nextDouble() * 2 * Math.PI, fill, j);
        }

        Path gentler() {
            return new Path(yawAmp * 0.6, pitchAmp * 0.6, rollAmp, shiftAmp, zoomAmp, phase, fill, jitter);
        }

        /**
         * Inverse of the homography that maps the object's pixels (u, v) to camera pixels at time {@code t}:
         * {@code K · [r1 r2 T]} with the object centred, {@code fill} of the frame height tall at rest.
         */
        double[] inverse(double t, int ow, int oh, int width, int height) {
            double f = 1.1 * width;
            double cx = width / 2.0;
            double cy = height / 2.0;
            double tremor = 0.004;
            double yaw = yawAmp * Math.sin(2 * Math.PI * 0.35 * t + phase) + tremor * Math.sin(9 * t + jitter[0]);
            double pitch = pitchAmp * Math.sin(2 * Math.PI * 0.27 * t + phase * 1.7) + tremor * Math.sin(11 * t + jitter[1]);
            double roll = rollAmp * Math.sin(2 * Math.PI * 0.2 * t + jitter[2]);
            double scale = 1.0 / oh; // object units: its height is 1
            double z0 = f / (fill * height);
            double z = z0 * (1 + zoomAmp * Math.sin(2 * Math.PI * 0.18 * t + jitter[3]));
            double tx = shiftAmp * Math.sin(2 * Math.PI * 0.22 * t + jitter[4]) + 0.01 * Math.sin(13 * t + jitter[5]);
            double ty = 0.6 * shiftAmp * Math.sin(2 * Math.PI * 0.16 * t + jitter[5]) - 0.05;
            double[] rot = rotation(yaw, pitch, roll);
            // object point (u, v) -> world (R · [(u - ow/2)·s, (v - oh/2)·s, 0] + [tx, ty, z])
            double[] m = new double[9];
            for (int row = 0; row < 3; row++) {
                double r1 = rot[row * 3] * scale;
                double r2 = rot[row * 3 + 1] * scale;
                double tt = (row == 0 ? tx : row == 1 ? ty : z) - r1 * ow / 2.0 - r2 * oh / 2.0;
                m[row * 3] = r1;
                m[row * 3 + 1] = r2;
                m[row * 3 + 2] = tt;
            }
            double[] k = {f, 0, cx, 0, f, cy, 0, 0, 1};
            return invert(mul(k, m));
        }

        static double[] rotation(double yaw, double pitch, double roll) {
            double[] ry = {Math.cos(yaw), 0, Math.sin(yaw), 0, 1, 0, -Math.sin(yaw), 0, Math.cos(yaw)};
            double[] rx = {1, 0, 0, 0, Math.cos(pitch), -Math.sin(pitch), 0, Math.sin(pitch), Math.cos(pitch)};
            double[] rz = {Math.cos(roll), -Math.sin(roll), 0, Math.sin(roll), Math.cos(roll), 0, 0, 0, 1};
            return mul(rz, mul(ry, rx));
        }
    }

    private static double[] mul(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
            }
        }
        return c;
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[] {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det};
    }

    /** A room behind the attacker: a wall gradient in a random colour with a soft lamp glow. */
    private static final class Background {
        private final float[] data;

        private Background(float[] data) {
            this.data = data;
        }

        static Background random(Random r, int w, int h) {
            float[] d = new float[w * h * 3];
            double[] base = {90 + 120 * r.nextDouble(), 90 + 120 * r.nextDouble(), 80 + 120 * r.nextDouble()};
            double lx = r.nextDouble() * w;
            double ly = r.nextDouble() * h;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double glow = 50 * Math.exp(-((x - lx) * (x - lx) + (y - ly) * (y - ly)) / (0.1 * w * w));
                    double shade = 1 - 0.3 * y / h;
                    for (int c = 0; c < 3; c++) {
                        d[(y * w + x) * 3 + c] = (float) Math.min(255, base[c] * shade + glow);
                    }
                }
            }
            return new Background(d);
        }

        float[] copy() {
            return data.clone();
        }
    }
}
