package io.facecheck.match;

import java.util.List;
import java.util.Optional;

/**
 * The open-set rule: a face is someone in the gallery only if its nearest identity is closer than
 * {@code threshold} <em>and</em> beats the nearest <em>other</em> identity by at least {@code margin}. The margin
 * is what keeps a stranger who happens to fall just under the threshold between two enrolled look-alikes from
 * being checked in as either of them.
 *
 * @param threshold accept only distances strictly below this (squared L2 on unit vectors)
 * @param margin    required gap between the best and the second-best identity's distances (0 = none)
 */
public record OpenSetDecision(double threshold, double margin) {

    public OpenSetDecision {
        if (!(threshold > 0) || !(margin >= 0)) {
            throw new IllegalArgumentException("threshold must be > 0 and margin ≥ 0, got " + threshold + ", " + margin);
        }
    }

    /** Why a verdict came out as it did; {@link #code()} is stable for JSON and logs. */
    public enum Reason {
        ACCEPTED("accepted"), EMPTY_GALLERY("empty_gallery"), ABOVE_THRESHOLD("above_threshold"), AMBIGUOUS("ambiguous");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * @param best       the nearest identity, if the gallery had any
     * @param secondBest the nearest other identity, if any
     * @param margin     secondBest − best distance ({@code +∞} with one identity, NaN with none)
     */
    public record Verdict(boolean accepted, Reason reason, Optional<Match> best, Optional<Match> secondBest, double margin) {
        /** The accepted identity. */
        public Optional<String> identity() {
            return accepted ? best.map(Match::identity) : Optional.empty();
        }
    }

    /** Applies the rule to {@code ranked}, a search result nearest first with distinct identities (k ≥ 2). */
    public Verdict decide(List<Match> ranked) {
        if (ranked.isEmpty()) {
            return new Verdict(false, Reason.EMPTY_GALLERY, Optional.empty(), Optional.empty(), Double.NaN);
        }
        Match best = ranked.get(0);
        Optional<Match> second = ranked.size() > 1 ? Optional.of(ranked.get(1)) : Optional.empty();
        double gap = second.map(s -> s.distance() - best.distance()).orElse(Double.POSITIVE_INFINITY);
        Reason reason;
        if (!(best.distance() < threshold)) {
            reason = Reason.ABOVE_THRESHOLD;
        } else if (gap < margin) {
            reason = Reason.AMBIGUOUS;
        } else {
            reason = Reason.ACCEPTED;
        }
        return new Verdict(reason == Reason.ACCEPTED, reason, Optional.of(best), second, gap);
    }

    /** Searches {@code gallery} for the two nearest identities and decides. */
    public Verdict identify(Gallery gallery, float[] query) {
        return decide(gallery.search(query, 2));
    }
}
