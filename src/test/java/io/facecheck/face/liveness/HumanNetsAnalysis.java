package io.facecheck.face.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-presentation evaluation of a single-frame liveness net on the attack set, alone and with the plane test.
 * <ul>
 *   <li>A net's verdict at a frame: live when at least {@link #WINDOW} frames of the face were seen and the mean
 *       of the net's live score over the last {@link #WINDOW} frames (0.4 s) reaches the threshold. As in
 *       docs/liveness.md, a presentation is accepted if the verdict is live at any frame of its 4 s.</li>
 *   <li>{@code plane|net}: accepted at a frame where the plane test says live, or says unsure while the net says
 *       live (the net as a live cue when the plane test has nothing to measure).</li>
 *   <li>{@code plane&net}: accepted at a frame where both say live (the net as an extra spoof cue).</li>
 * </ul>
 * Thresholds are chosen on the development split only (rules in {@link #report}) and reported on test.
 */
final class HumanNetsAnalysis {
    static final int WINDOW = 5;

    private HumanNetsAnalysis() {
    }

    /** Per frame of one presentation: the plane verdict and the windowed net score (NaN before the window fills). */
    record Track(LivenessAttackSet.Kind kind, String split, String name, LivenessVerdict.Verdict[] plane, double[] net,
                 List<LandmarkFrame> frames) {
    }

    static List<Track> tracks(List<LivenessAttackSet.Sample> set, int column, boolean invert) {
        List<Track> out = new ArrayList<>();
        for (LivenessAttackSet.Sample s : set) {
            int n = s.frames().size();
            LivenessVerdict.Verdict[] plane = new LivenessVerdict.Verdict[n];
            double[] net = new double[n];
            PassiveLiveness p = new PassiveLiveness(LivenessSettings.DEFAULTS);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                p.add(s.frames().get(i));
                plane[i] = p.verdict().verdict();
                double v = s.scores().get(i)[column];
                sum += invert ? 1 - v : v;
                if (i >= WINDOW) {
                    double old = s.scores().get(i - WINDOW)[column];
                    sum -= invert ? 1 - old : old;
                }
                net[i] = i >= WINDOW - 1 ? sum / WINDOW : Double.NaN;
            }
            out.add(new Track(s.kind(), s.split(), s.name(), plane, net, s.frames()));
        }
        return out;
    }

    enum Mode { NET, PLANE, PLANE_OR_NET, PLANE_AND_NET }

    static boolean accepted(Track t, Mode m, double threshold) {
        for (int i = 0; i < t.net().length; i++) {
            boolean netLive = !Double.isNaN(t.net()[i]) && t.net()[i] >= threshold;
            LivenessVerdict.Verdict v = t.plane()[i];
            boolean ok = switch (m) {
                case NET -> netLive;
                case PLANE -> v == LivenessVerdict.Verdict.LIVE;
                case PLANE_OR_NET -> v == LivenessVerdict.Verdict.LIVE || (v == LivenessVerdict.Verdict.UNSURE && netLive);
                case PLANE_AND_NET -> v == LivenessVerdict.Verdict.LIVE && netLive;
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** {bona fide n, rejected; print n, accepted; replay n, accepted}. */
    static int[] counts(List<Track> ts, String split, Mode m, double th) {
        int[] c = new int[6];
        for (Track t : ts) {
            if (!t.split().equals(split)) {
                continue;
            }
            boolean a = accepted(t, m, th);
            switch (t.kind()) {
                case BONA_FIDE -> {
                    c[0]++;
                    c[1] += a ? 0 : 1;
                }
                case PRINT -> {
                    c[2]++;
                    c[3] += a ? 1 : 0;
                }
                case REPLAY -> {
                    c[4]++;
                    c[5] += a ? 1 : 0;
                }
            }
        }
        return c;
    }

    /** The highest windowed net score of a presentation (what the NET mode thresholds). */
    static double peak(Track t) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : t.net()) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    /** ROC AUC of the per-presentation peak score: bona fide (positive) against one attack kind. */
    static double auc(List<Track> ts, String split, LivenessAttackSet.Kind attack) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (Track t : ts) {
            if (t.split().equals(split)) {
                if (t.kind() == LivenessAttackSet.Kind.BONA_FIDE) {
                    pos.add(peak(t));
                } else if (t.kind() == attack) {
                    neg.add(peak(t));
                }
            }
        }
        double s = 0;
        for (double p : pos) {
            for (double q : neg) {
                s += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }
        return s / (pos.size() * (double) neg.size());
    }

    static String row(String split, String mode, double th, int[] c) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", split, mode,
                Double.isNaN(th) ? "-" : String.format(Locale.ROOT, "%.3f", th),
                pct(c[3], c[2]), pct(c[5], c[4]), pct(c[1], c[0]));
    }

    static String pct(int k, int n) {
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", n == 0 ? 0 : 100.0 * k / n, k, n);
    }

    static final double[] GRID = grid();

    private static double[] grid() {
        double[] g = new double[1001];
        for (int i = 0; i <= 1000; i++) {
            g[i] = i / 1000.0;
        }
        return g;
    }

    static String report(List<LivenessAttackSet.Sample> set) {
        StringBuilder sb = new StringBuilder();
        List<Track> planeOnly = tracks(set, 0, false);
        sb.append("| split | mode | threshold | APCER print | APCER replay | BPCER |\n|---|---|---|---|---|---|\n");
        for (String split : List.of("dev", "test")) {
            sb.append(row(split, "plane (passive today)", Double.NaN, counts(planeOnly, split, Mode.PLANE, 0)));
        }
        for (int col = 0; col < HumanNetsEvaluation.COLUMNS.size(); col++) {
            String name = HumanNetsEvaluation.COLUMNS.get(col);
            List<Track> ts = tracks(set, col, false);
            // orientation chosen on dev: the score that is higher for bona fide than for prints and replays
            double devAuc = (auc(ts, "dev", LivenessAttackSet.Kind.PRINT) + auc(ts, "dev", LivenessAttackSet.Kind.REPLAY)) / 2;
            boolean invert = devAuc < 0.5;
            if (invert) {
                ts = tracks(set, col, true);
                name = "1-" + name;
            }
            sb.append(String.format(Locale.ROOT, "%n%s (live score; orientation from dev): AUC bona fide vs print dev %.3f test %.3f;"
                            + " vs replay dev %.3f test %.3f%n", name,
                    auc(ts, "dev", LivenessAttackSet.Kind.PRINT), auc(ts, "test", LivenessAttackSet.Kind.PRINT),
                    auc(ts, "dev", LivenessAttackSet.Kind.REPLAY), auc(ts, "test", LivenessAttackSet.Kind.REPLAY)));
            // NET alone: the highest threshold that rejects no dev bona fide presentation
            double thNet = pick(ts, Mode.NET, c -> c[1] == 0, c -> -0.0);
            // plane|net: the highest threshold whose dev print APCER stays <= 2 %, then the fewest dev bona fide rejected
            double thOr = pickBest(ts, Mode.PLANE_OR_NET, c -> c[3] <= 0.02 * c[2], c -> c[1]);
            // plane&net: the highest threshold that rejects no more dev bona fide than the plane test alone
            int planeDevRejects = counts(planeOnly, "dev", Mode.PLANE, 0)[1];
            double thAnd = pick(ts, Mode.PLANE_AND_NET, c -> c[1] <= planeDevRejects, c -> 0.0);
            sb.append("| split | mode | threshold | APCER print | APCER replay | BPCER |\n|---|---|---|---|---|---|\n");
            for (String split : List.of("dev", "test")) {
                sb.append(row(split, "net", thNet, counts(ts, split, Mode.NET, thNet)));
                sb.append(row(split, "plane or net (when unsure)", thOr, counts(ts, split, Mode.PLANE_OR_NET, thOr)));
                sb.append(row(split, "plane and net", thAnd, counts(ts, split, Mode.PLANE_AND_NET, thAnd)));
            }
            sb.append(challenge(ts, thAnd));
            for (Mode m : new Mode[]{Mode.NET, Mode.PLANE_OR_NET, Mode.PLANE_AND_NET}) {
                sb.append("threshold sweep, ").append(m).append(" (dev | test: APCER print, APCER replay, BPCER):\n");
                for (double th : new double[]{0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995}) {
                    int[] d = counts(ts, "dev", m, th);
                    int[] t = counts(ts, "test", m, th);
                    sb.append(String.format(Locale.ROOT, "  %.3f: dev %s %s %s | test %s %s %s%n", th, pct(d[3], d[2]),
                            pct(d[5], d[4]), pct(d[1], d[0]), pct(t[3], t[2]), pct(t[5], t[4]), pct(t[1], t[0])));
                }
            }
        }
        return sb.toString();
    }

    /**
     * {@code challenge} as measured in docs/liveness.md (one challenge 0.5 s after the face appears, expected over
     * the random action), without and with the net as a veto at the moment the challenge passes: accepted only if
     * the net's windowed score then reaches {@code th}. For bona fide clips the count is of challenge passes (the
     * set has no recordings of people following an instruction, so this is how many of the passes it saw the veto
     * would have refused, not a BPCER).
     */
    static String challenge(List<Track> ts, double th) {
        StringBuilder sb = new StringBuilder();
        for (String split : List.of("dev", "test")) {
            double[] plain = new double[LivenessAttackSet.Kind.values().length];
            double[] vetoed = new double[LivenessAttackSet.Kind.values().length];
            int[] n = new int[LivenessAttackSet.Kind.values().length];
            for (Track t : ts) {
                if (!t.split().equals(split)) {
                    continue;
                }
                int k = t.kind().ordinal();
                n[k]++;
                ActiveChallenge.Action[] actions = ActiveChallenge.Action.values();
                for (ActiveChallenge.Action a : actions) {
                    PassiveLiveness p = new PassiveLiveness(LivenessSettings.DEFAULTS);
                    ActiveChallenge c = null;
                    long t0 = t.frames().isEmpty() ? 0 : t.frames().get(0).nanos();
                    for (int i = 0; i < t.frames().size(); i++) {
                        LandmarkFrame f = t.frames().get(i);
                        p.add(f);
                        if (p.verdict().spoof()) {
                            break;
                        }
                        if (c == null && (f.nanos() - t0) / 1e9 >= LivenessAttackSet.CHALLENGE_AT) {
                            c = new ActiveChallenge(a, LivenessSettings.DEFAULTS, f.nanos());
                        }
                        if (c != null && c.add(f) != ActiveChallenge.State.PENDING) {
                            if (c.state() == ActiveChallenge.State.PASSED) {
                                plain[k] += 1.0 / actions.length;
                                if (!Double.isNaN(t.net()[i]) && t.net()[i] >= th) {
                                    vetoed[k] += 1.0 / actions.length;
                                }
                            }
                            break;
                        }
                    }
                }
            }
            int b = LivenessAttackSet.Kind.BONA_FIDE.ordinal();
            int pr = LivenessAttackSet.Kind.PRINT.ordinal();
            int r = LivenessAttackSet.Kind.REPLAY.ordinal();
            sb.append(String.format(Locale.ROOT, "challenge %s, without | with the net as veto at %.3f: APCER print %.1f %% | %.1f %%,"
                            + " APCER replay %.1f %% (%.1f/%d) | %.1f %% (%.1f/%d); bona fide challenge passes %.1f | %.1f of %d%n",
                    split, th, 100 * plain[pr] / n[pr], 100 * vetoed[pr] / n[pr], 100 * plain[r] / n[r], plain[r], n[r],
                    100 * vetoed[r] / n[r], vetoed[r], n[r], plain[b], vetoed[b], n[b]));
        }
        // the real head turns of the bona fide clips: a challenge for each action started at every frame
        // (LivenessTuning --turns); of those that pass, how many the veto would refuse at the passing frame
        int passed = 0;
        int refused = 0;
        for (Track t : ts) {
            if (t.kind() != LivenessAttackSet.Kind.BONA_FIDE) {
                continue;
            }
            for (int i = 0; i < t.frames().size(); i++) {
                for (ActiveChallenge.Action a : ActiveChallenge.Action.values()) {
                    ActiveChallenge c = new ActiveChallenge(a, LivenessSettings.DEFAULTS, t.frames().get(i).nanos());
                    for (int j = i; j < t.frames().size() && c.state() == ActiveChallenge.State.PENDING; j++) {
                        if (c.add(t.frames().get(j)) == ActiveChallenge.State.PASSED) {
                            passed++;
                            refused += !Double.isNaN(t.net()[j]) && t.net()[j] >= th ? 0 : 1;
                        }
                    }
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "bona fide head turns (challenge started at every frame, both splits): %d passed,"
                + " the veto at %.3f would refuse %d of them%n", passed, th, refused));
        return sb.toString();
    }

    interface Rule {
        boolean ok(int[] devCounts);
    }

    interface Cost {
        double of(int[] devCounts);
    }

    /** The highest grid threshold meeting {@code rule} on dev (NaN if none). */
    static double pick(List<Track> ts, Mode m, Rule rule, Cost unused) {
        for (int i = GRID.length - 1; i >= 0; i--) {
            if (rule.ok(counts(ts, "dev", m, GRID[i]))) {
                return GRID[i];
            }
        }
        return Double.NaN;
    }

    /** Among grid thresholds meeting {@code rule} on dev, the one of least cost; ties to the highest threshold. */
    static double pickBest(List<Track> ts, Mode m, Rule rule, Cost cost) {
        double best = Double.NaN;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = GRID.length - 1; i >= 0; i--) {
            int[] c = counts(ts, "dev", m, GRID[i]);
            if (rule.ok(c) && cost.of(c) < bestCost) {
                best = GRID[i];
                bestCost = cost.of(c);
            }
        }
        return best;
    }
}
