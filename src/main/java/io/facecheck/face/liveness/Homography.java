package io.facecheck.face.liveness;

import io.facecheck.face.Point;

import java.util.List;

/**
 * A plane-to-plane projective map fitted to point correspondences by the normalised direct linear transform
 * (Hartley): both point sets are centred and scaled to mean distance √2, the 8 unknowns (h33 = 1) are solved in
 * the least-squares sense, and the result is un-normalised. Enough for the plane test: the landmarks of a flat
 * photo, however it is moved or tilted, stay related by one homography; a real head's do not.
 */
final class Homography {
    private final double[] h; // row-major 3x3

    private Homography(double[] h) {
        this.h = h;
    }

    /** Least-squares homography taking {@code from[i]} to {@code to[i]}; needs at least 4 points. */
    static Homography fit(List<Point> from, List<Point> to) {
        int n = from.size();
        if (n < 4 || to.size() != n) {
            throw new IllegalArgumentException("need at least 4 point pairs, got " + n + " and " + to.size());
        }
        double[] t1 = normaliser(from);
        double[] t2 = normaliser(to);
        double[][] ata = new double[8][8];
        double[] atb = new double[8];
        double[] row = new double[8];
        for (int i = 0; i < n; i++) {
            double x = (from.get(i).x() - t1[0]) * t1[2];
            double y = (from.get(i).y() - t1[1]) * t1[2];
            double u = (to.get(i).x() - t2[0]) * t2[2];
            double v = (to.get(i).y() - t2[1]) * t2[2];
            fill(row, x, y, 1, 0, 0, 0, -u * x, -u * y);
            accumulate(ata, atb, row, u);
            fill(row, 0, 0, 0, x, y, 1, -v * x, -v * y);
            accumulate(ata, atb, row, v);
        }
        double[] s = solve(ata, atb);
        double[] hn = {s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], 1};
        // H = T2^-1 · Hn · T1, with T = [k 0 -k·cx; 0 k -k·cy; 0 0 1]
        double[] a = mul(hn, new double[] {t1[2], 0, -t1[2] * t1[0], 0, t1[2], -t1[2] * t1[1], 0, 0, 1});
        double[] inv2 = {1 / t2[2], 0, t2[0], 0, 1 / t2[2], t2[1], 0, 0, 1};
        return new Homography(mul(inv2, a));
    }

    Point apply(Point p) {
        double w = h[6] * p.x() + h[7] * p.y() + h[8];
        if (Math.abs(w) < 1e-12) {
            w = 1e-12;
        }
        return new Point((h[0] * p.x() + h[1] * p.y() + h[2]) / w, (h[3] * p.x() + h[4] * p.y() + h[5]) / w);
    }

    /** Root-mean-square distance between {@code H·from[i]} and {@code to[i]}, in the units of {@code to}. */
    double rmsError(List<Point> from, List<Point> to) {
        double sum = 0;
        for (int i = 0; i < from.size(); i++) {
            Point p = apply(from.get(i));
            double dx = p.x() - to.get(i).x();
            double dy = p.y() - to.get(i).y();
            sum += dx * dx + dy * dy;
        }
        return Math.sqrt(sum / from.size());
    }

    /** {cx, cy, k}: centroid and the scale that makes the mean distance from it √2. */
    private static double[] normaliser(List<Point> pts) {
        double cx = 0;
        double cy = 0;
        for (Point p : pts) {
            cx += p.x();
            cy += p.y();
        }
        cx /= pts.size();
        cy /= pts.size();
        double d = 0;
        for (Point p : pts) {
            d += Math.hypot(p.x() - cx, p.y() - cy);
        }
        d /= pts.size();
        return new double[] {cx, cy, d > 1e-12 ? Math.sqrt(2) / d : 1};
    }

    private static void fill(double[] r, double... v) {
        System.arraycopy(v, 0, r, 0, 8);
    }

    private static void accumulate(double[][] ata, double[] atb, double[] r, double b) {
        for (int i = 0; i < 8; i++) {
            if (r[i] == 0) {
                continue;
            }
            for (int j = 0; j < 8; j++) {
                ata[i][j] += r[i] * r[j];
            }
            atb[i] += r[i] * b;
        }
    }

    /** Gaussian elimination with partial pivoting; a tiny ridge keeps degenerate (collinear) sets finite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][i] += 1e-9;
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[piv];
            m[piv] = tmp;
            double d = m[c][c];
            if (Math.abs(d) < 1e-15) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r == c) {
                    continue;
                }
                double f = m[r][c] / d;
                if (f != 0) {
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.abs(m[i][i]) < 1e-15 ? 0 : m[i][n] / m[i][i];
        }
        return x;
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
}
