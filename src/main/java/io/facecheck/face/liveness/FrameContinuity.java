package io.facecheck.face.liveness;

/**
 * Whether two consecutive frames of a face track come from one continuous camera view. A camera filming a
 * person (or a photo held up) sees the face move a little between frames: its box shifts and scales a little,
 * its landmarks move a little and its aligned pixels stay closely correlated. A frame that breaks any of these
 * is a cut: another photo of a slideshow, another clip, or the tracker jumping to another face. The plane test
 * compares landmarks only within a continuous stretch, since two unrelated photos never fit one homography.
 */
final class FrameContinuity {
    enum Step {
        /** The next frame of the same view. */
        CONTINUOUS,
        /** A jump: the box, the landmarks or the pixels do not follow on from the previous frame. */
        CUT,
        /** A pause longer than {@link LivenessSettings#resetGap()} (or time going backwards): nothing to tell. */
        GAP
    }

    private FrameContinuity() {
    }

    /**
     * @param iod the inter-ocular distance of {@code b}, the unit of the landmark jump
     */
    static Step between(LandmarkFrame a, LandmarkFrame b, double iod, LivenessSettings s) {
        long dt = b.nanos() - a.nanos();
        if (dt > s.resetGap().toNanos() || dt < 0) {
            return Step.GAP;
        }
        double d = 0;
        for (int i = 0; i < 68; i++) {
            d += a.points68().get(i).distance(b.points68().get(i));
        }
        if (d / 68 / iod > s.resetJump()) {
            return Step.CUT;
        }
        LivenessSettings.Continuity c = s.continuity();
        if (a.box() != null && b.box() != null) {
            double size = Math.max(a.box().width(), b.box().width());
            double dx = (a.box().x() + a.box().width() / 2) - (b.box().x() + b.box().width() / 2);
            double dy = (a.box().y() + a.box().height() / 2) - (b.box().y() + b.box().height() / 2);
            double scale = Math.max(a.box().width() / b.box().width(), b.box().width() / a.box().width());
            if (Math.hypot(dx, dy) / size > c.boxShift() || scale > c.boxScale()) {
                return Step.CUT;
            }
        }
        if (a.patch() != null && b.patch() != null && a.patch().correlation(b.patch()) < c.minCorrelation()) {
            return Step.CUT;
        }
        return Step.CONTINUOUS;
    }
}
