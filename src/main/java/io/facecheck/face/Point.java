package io.facecheck.face;

/** A point in image pixels (x right, y down; pixel centres at integer + 0 as in the networks' conventions). */
public record Point(double x, double y) {
    public double distance(Point o) {
        return Math.hypot(x - o.x, y - o.y);
    }
}
