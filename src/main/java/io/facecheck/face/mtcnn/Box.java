package io.facecheck.face.mtcnn;

/**
 * A candidate box of the MTCNN cascade in the reference implementation's convention: corners (x1, y1) and
 * (x2, y2) are 1-based inclusive pixel coordinates (pixel x covers image column x − 1), width = x2 − x1 + 1.
 * {@code reg} holds the pending corner corrections (dx1, dy1, dx2, dy2) of the stage that scored it.
 */
public record Box(double x1, double y1, double x2, double y2, double score, float[] reg) {

    public double width() {
        return x2 - x1 + 1;
    }

    public double height() {
        return y2 - y1 + 1;
    }

    public double area() {
        return width() * height();
    }

    public Box withScore(double s, float[] r) {
        return new Box(x1, y1, x2, y2, s, r);
    }

    /** Applies {@code reg} scaled by the box size ({@code plusOne}: width x2−x1+1 as in stages 2 and 3). */
    public Box regress(boolean plusOne) {
        double w = x2 - x1 + (plusOne ? 1 : 0);
        double h = y2 - y1 + (plusOne ? 1 : 0);
        return new Box(x1 + reg[0] * w, y1 + reg[1] * h, x2 + reg[2] * w, y2 + reg[3] * h, score, reg);
    }

    /** The square of side max(w, h) with the same centre ({@code rerec} of the reference). */
    public Box square() {
        double w = x2 - x1, h = y2 - y1, l = Math.max(w, h);
        double nx = x1 + w * 0.5 - l * 0.5, ny = y1 + h * 0.5 - l * 0.5;
        return new Box(nx, ny, nx + l, ny + l, score, reg);
    }

    /** Corners truncated towards zero ({@code np.fix}), as before every crop in the reference. */
    public Box fix() {
        return new Box(trunc(x1), trunc(y1), trunc(x2), trunc(y2), score, reg);
    }

    private static double trunc(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }
}
