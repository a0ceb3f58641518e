package io.facecheck.attendance;

import io.facecheck.match.Gallery;
import io.facecheck.match.Match;

import java.util.List;

/**
 * Open-set decision over a gallery: a face is an employee only when its nearest identity is closer than the
 * threshold and the second-nearest identity is at least {@code margin} farther; otherwise it is unknown.
 */
public final class Identifier {
    private final Gallery gallery;
    private final double threshold;
    private final double margin;

    public Identifier(Gallery gallery, double threshold, double margin) {
        this.gallery = gallery;
        this.threshold = threshold;
        this.margin = margin;
    }

    public double threshold() {
        return threshold;
    }

    public double margin() {
        return margin;
    }

    public Identification identify(float[] embedding) {
        List<Match> top = gallery.search(embedding, 2);
        if (top.isEmpty()) {
            return new Identification(null, Double.NaN, Double.NaN, null);
        }
        Match best = top.get(0);
        double gap = top.size() > 1 ? top.get(1).distance() - best.distance() : Double.NaN;
        boolean accepted = best.distance() < threshold && (Double.isNaN(gap) || gap >= margin);
        return new Identification(accepted ? best.identity() : null, best.distance(), gap, best.identity());
    }
}
