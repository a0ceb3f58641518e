package io.facecheck.face;

import java.util.List;

/**
 * A 2-D similarity transform (uniform scale, rotation, translation; never a reflection):
 * <pre>
 *   x' = a·x − b·y + tx
 *   y' = b·x + a·y + ty
 * </pre>
 * where {@code a = s·cos θ} and {@code b = s·sin θ}. Face alignment uses a similarity rather than a full affine
 * transform because the 5 landmarks are noisy: a similarity cannot shear or squash the face, so the
 * embedder sees undistorted faces whatever the landmark error.
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    public static SimilarityTransform identity() {
        return new SimilarityTransform(1, 0, 0, 0);
    }

    /** Scale {@code s}, counter-clockwise rotation {@code radians} (in x-right, y-down pixels: clockwise on screen), then translation. */
    public static SimilarityTransform of(double scale, double radians, double tx, double ty) {
        return new SimilarityTransform(scale * Math.cos(radians), scale * Math.sin(radians), tx, ty);
    }

    /**
     * The least-squares similarity taking {@code src[i]} to {@code dst[i]} (Umeyama 1991, restricted to
     * rotations, which in 2-D has this closed form: with centred points, {@code a = Σ(s·d)/Σ|s|²} and
     * {@code b = Σ(s×d)/Σ|s|²}). Minimises {@code Σ |T(src_i) − dst_i|²}.
     *
     * @throws IllegalArgumentException fewer than 2 pairs, different counts, or all source points equal
     */
    public static SimilarityTransform estimate(List<Point> src, List<Point> dst) {
        int n = src.size();
        if (n != dst.size()) {
            throw new IllegalArgumentException("point counts differ: " + n + " source, " + dst.size() + " target");
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 point pairs, got " + n);
        }
        double sx = 0, sy = 0, dx = 0, dy = 0;
        for (int i = 0; i < n; i++) {
            sx += src.get(i).x();
            sy += src.get(i).y();
            dx += dst.get(i).x();
            dy += dst.get(i).y();
        }
        sx /= n;
        sy /= n;
        dx /= n;
        dy /= n;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double px = src.get(i).x() - sx, py = src.get(i).y() - sy;
            double qx = dst.get(i).x() - dx, qy = dst.get(i).y() - dy;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (!(norm > 1e-12) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("source points are all the same (or not finite): no transform");
        }
        double a = dot / norm;
        double b = cross / norm;
        return new SimilarityTransform(a, b, dx - (a * sx - b * sy), dy - (b * sx + a * sy));
    }

    public Point apply(Point p) {
        return new Point(a * p.x() - b * p.y() + tx, b * p.x() + a * p.y() + ty);
    }

    public double applyX(double x, double y) {
        return a * x - b * y + tx;
    }

    public double applyY(double x, double y) {
        return b * x + a * y + ty;
    }

    /** The transform undoing this one. @throws IllegalStateException when the scale is zero */
    public SimilarityTransform inverse() {
        double d = a * a + b * b;
        if (!(d > 1e-24)) {
            throw new IllegalStateException("transform with zero scale has no inverse");
        }
        double ia = a / d, ib = -b / d;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** {@code other} first, then this. */
    public SimilarityTransform compose(SimilarityTransform other) {
        return new SimilarityTransform(
                a * other.a - b * other.b,
                b * other.a + a * other.b,
                applyX(other.tx, other.ty),
                applyY(other.tx, other.ty));
    }

    public double scale() {
        return Math.hypot(a, b);
    }

    /** Rotation in radians, (−π, π]. */
    public double rotation() {
        return Math.atan2(b, a);
    }
}
