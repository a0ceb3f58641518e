package io.facecheck.face.liveness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Threshold search on the development split of a dumped attack set ({@link LivenessAttackSet#main} with a file
 * argument writes it): for each candidate setting, the dev errors, so the shipped defaults can be chosen on dev
 * and then reported on test. Prints one line per setting.
 */
public final class LivenessTuning {
    private LivenessTuning() {
    }

    /**
     * How fast a real head turn passes the challenge: in every bona fide clip, a challenge for each action is
     * started at every frame; for those that pass, the time from the turn's onset (the first frame turned 3° the
     * asked way) to the pass. The person's reaction time to the instruction comes on top and is not measured.
     */
    static void turns(List<LivenessAttackSet.Sample> set) {
        List<Double> latency = new java.util.ArrayList<>();
        int started = 0;
        int passed = 0;
        for (LivenessAttackSet.Sample x : set) {
            if (x.kind() != LivenessAttackSet.Kind.BONA_FIDE) {
                continue;
            }
            List<LandmarkFrame> f = x.frames();
            for (int i = 0; i < f.size(); i++) {
                for (ActiveChallenge.Action a : ActiveChallenge.Action.values()) {
                    ActiveChallenge c = new ActiveChallenge(a, LivenessSettings.DEFAULTS, f.get(i).nanos());
                    double yaw0 = FaceShape.of(f.get(i).points68()).yawDeg();
                    long onset = -1;
                    started++;
                    for (int j = i; j < f.size() && c.state() == ActiveChallenge.State.PENDING; j++) {
                        double turn = (a == ActiveChallenge.Action.TURN_LEFT ? 1 : -1)
                                * (FaceShape.of(f.get(j).points68()).yawDeg() - yaw0);
                        if (onset < 0 && turn >= 3) {
                            onset = f.get(j).nanos();
                        }
                        if (c.add(f.get(j)) == ActiveChallenge.State.PASSED) {
                            passed++;
                            latency.add((f.get(j).nanos() - onset) / 1e9);
                        }
                    }
                }
            }
        }
        latency.sort(Double::compare);
        System.out.printf(Locale.ROOT, "challenges started %d, passed %d; onset-to-pass median %.2f s, p90 %.2f s, max %.2f s%n",
                started, passed, latency.get(latency.size() / 2), latency.get((int) (0.9 * (latency.size() - 1))),
                latency.get(latency.size() - 1));
    }

    /** The continuity test switched off: what the plane test alone said before it. */
    static final LivenessSettings.Continuity OFF = new LivenessSettings.Continuity(1e9, 1e9, -0.999, Integer.MAX_VALUE,
            java.time.Duration.ofSeconds(3));

    /**
     * The continuity measures between consecutive frames of each kind (percentiles on the split), then the grid of
     * continuity thresholds: per setting the split's passive errors, so the shipped values can be chosen on dev
     * (no bona fide clip refused more than with the test off, none called spoof; then the most slideshows called
     * spoof) and reported on test.
     */
    static void continuity(List<LivenessAttackSet.Sample> set, String split) {
        // a kiosk on a busy machine analyses fewer frames: bona fide frames 2 and 4 apart (6.25 and 3.1 a second)
        for (int step : new int[] {2, 4}) {
            List<Double> ncc = new java.util.ArrayList<>();
            for (LivenessAttackSet.Sample x : set) {
                if (x.kind() == LivenessAttackSet.Kind.BONA_FIDE && x.split().equals(split)) {
                    for (int i = step; i < x.frames().size(); i++) {
                        ncc.add(x.frames().get(i - step).patch().correlation(x.frames().get(i).patch()));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s BONA_FIDE every %d frames: pairs %4d  ncc %s%n", split, step, ncc.size(),
                    pcts(ncc));
        }
        // the slideshow on a screen: pairs within one photo's stretch and across a change of photo
        for (boolean across : new boolean[] {false, true}) {
            List<Double> ncc = new java.util.ArrayList<>();
            List<Double> shape = new java.util.ArrayList<>();
            for (LivenessAttackSet.Sample x : set) {
                if (x.kind() != LivenessAttackSet.Kind.SLIDESHOW || !x.split().equals(split) || !x.name().contains("screen")) {
                    continue;
                }
                for (int i = 1; i < x.frames().size(); i++) {
                    LandmarkFrame a = x.frames().get(i - 1);
                    LandmarkFrame b = x.frames().get(i);
                    long pa = Math.round(a.nanos() * LivenessAttackSet.FPS / 1e9) / LivenessAttackSet.SLIDE_FRAMES;
                    long pb = Math.round(b.nanos() * LivenessAttackSet.FPS / 1e9) / LivenessAttackSet.SLIDE_FRAMES;
                    if ((pa != pb) == across) {
                        ncc.add(a.patch().correlation(b.patch()));
                        shape.add(PassiveLiveness.similarityMiss(a.points68(), b.points68())
                                / FaceShape.of(b.points68()).interOcular());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s SLIDESHOW on a screen, %s: pairs %4d  ncc %s  shape %s%n", split,
                    across ? "across photos" : "within a photo", ncc.size(), pcts(ncc), pcts(shape));
        }
        for (LivenessAttackSet.Kind k : LivenessAttackSet.Kind.values()) {
            for (String variant : k == LivenessAttackSet.Kind.SLIDESHOW ? List.of("as frames", "on a screen") : List.of("")) {
                List<Double> ncc = new java.util.ArrayList<>();
                List<Double> shift = new java.util.ArrayList<>();
                List<Double> scale = new java.util.ArrayList<>();
                List<Double> jump = new java.util.ArrayList<>();
                List<Double> shape = new java.util.ArrayList<>();
                for (LivenessAttackSet.Sample x : set) {
                    if (x.kind() != k || !x.split().equals(split) || !x.name().contains(variant)) {
                        continue;
                    }
                    for (int i = 1; i < x.frames().size(); i++) {
                        LandmarkFrame a = x.frames().get(i - 1);
                        LandmarkFrame b = x.frames().get(i);
                        ncc.add(a.patch().correlation(b.patch()));
                        double w = Math.max(a.box().width(), b.box().width());
                        shift.add(Math.hypot(a.box().x() + a.box().width() / 2 - b.box().x() - b.box().width() / 2,
                                a.box().y() + a.box().height() / 2 - b.box().y() - b.box().height() / 2) / w);
                        scale.add(Math.max(a.box().width() / b.box().width(), b.box().width() / a.box().width()));
                        double d = 0;
                        for (int j = 0; j < 68; j++) {
                            d += a.points68().get(j).distance(b.points68().get(j));
                        }
                        jump.add(d / 68 / FaceShape.of(b.points68()).interOcular());
                        shape.add(PassiveLiveness.similarityMiss(a.points68(), b.points68())
                                / FaceShape.of(b.points68()).interOcular());
                    }
                }
                System.out.printf(Locale.ROOT, "%s %-9s %-11s pairs %4d  ncc %s  shift %s  scale %s  jump %s  shape %s%n",
                        split, k, variant, ncc.size(), pcts(ncc), pcts(shift), pcts(scale), pcts(jump), pcts(shape));
            }
        }
        LivenessSettings base = LivenessSettings.DEFAULTS.withContinuity(OFF);
        System.out.println(row("off", set, split, base));
        for (double corr : new double[] {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95}) {
            for (double shift : new double[] {0.25, 0.5}) {
                for (double scale : new double[] {1.2, 1.3}) {
                    for (int cuts : new int[] {2, 3, 4}) {
                        LivenessSettings s = base.withContinuity(new LivenessSettings.Continuity(shift, scale, corr, cuts,
                                LivenessSettings.DEFAULTS.continuity().window()));
                        System.out.println(row(String.format(Locale.ROOT, "corr=%.2f shift=%.2f scale=%.1f cuts=%d",
                                corr, shift, scale, cuts), set, split, s));
                    }
                }
            }
        }
    }

    private static String row(String name, List<LivenessAttackSet.Sample> set, String split, LivenessSettings s) {
        int kinds = LivenessAttackSet.Kind.values().length;
        int[] n = new int[kinds];
        int[] accepted = new int[kinds];
        int[] spoof = new int[kinds];
        for (LivenessAttackSet.Sample x : set) {
            if (!x.split().equals(split)) {
                continue;
            }
            LivenessAttackSet.Outcome o = LivenessAttackSet.evaluate(x.frames(), s);
            int k = x.kind().ordinal();
            n[k]++;
            accepted[k] += o.passiveLive() ? 1 : 0;
            spoof[k] += o.finalVerdict().spoof() ? 1 : 0;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-40s", name));
        for (LivenessAttackSet.Kind k : LivenessAttackSet.Kind.values()) {
            int i = k.ordinal();
            sb.append(String.format(Locale.ROOT, "  %s live %d spoof %d /%d", k, accepted[i], spoof[i], n[i]));
        }
        // a kiosk that analyses fewer frames (a busy machine): the bona fide clips at 6.25 and 3.1 frames a second
        for (int step : new int[] {2, 4}) {
            int live = 0;
            int sp = 0;
            int cuts = 0;
            for (LivenessAttackSet.Sample x : set) {
                if (x.split().equals(split) && x.kind() == LivenessAttackSet.Kind.BONA_FIDE) {
                    List<LandmarkFrame> sub = new java.util.ArrayList<>();
                    for (int i = 0; i < x.frames().size(); i += step) {
                        sub.add(x.frames().get(i));
                    }
                    LivenessAttackSet.Outcome o = LivenessAttackSet.evaluate(sub, s);
                    live += o.passiveLive() ? 1 : 0;
                    sp += o.finalVerdict().spoof() ? 1 : 0;
                    cuts += o.finalVerdict().cuts();
                }
            }
            sb.append(String.format(Locale.ROOT, "  bona fide/%d live %d spoof %d cuts %d", step, live, sp, cuts));
        }
        return sb.toString();
    }

    private static String pcts(List<Double> v) {
        if (v.isEmpty()) {
            return "-";
        }
        v.sort(Double::compare);
        java.util.function.IntFunction<Double> at = q -> v.get((int) Math.min(v.size() - 1, Math.round(q / 100.0 * (v.size() - 1))));
        return String.format(Locale.ROOT, "[min %.3f p1 %.3f p5 %.3f p50 %.3f p95 %.3f max %.3f]", v.get(0), at.apply(1),
                at.apply(5), at.apply(50), at.apply(95), v.get(v.size() - 1));
    }

    public static void main(String[] args) throws Exception {
        List<LivenessAttackSet.Sample> set = LivenessAttackSet.parse(Files.readString(Path.of(args[0])));
        String split = args.length > 1 ? args[1] : "dev";
        if (split.equals("--continuity")) {
            continuity(set, args.length > 2 ? args[2] : "dev");
            return;
        }
        if (split.equals("--turns")) {
            turns(set);
            return;
        }
        if (split.equals("--turn-degrees")) {
            for (double deg : new double[] {10, 12, 15, 18, 20}) {
                LivenessSettings s = LivenessSettings.DEFAULTS.withChallenge(deg, LivenessSettings.DEFAULTS.challengeTimeout());
                System.out.printf(Locale.ROOT, "turn %.0f°%n%s%s", deg, LivenessAttackSet.table(set, "dev", s, false),
                        LivenessAttackSet.table(set, "test", s, false));
            }
            return;
        }
        for (double live : new double[] {0.05, 0.055, 0.06, 0.065, 0.07, 0.08}) {
            for (double deform : new double[] {0.02, 0.025, 0.03, 0.04}) {
                for (double ratio : new double[] {0.5, 0.6, 0.7, 0.8}) {
                    for (int frames : new int[] {3, 5, 8}) {
                        LivenessSettings s = LivenessSettings.DEFAULTS.withLiveNonPlanarity(live)
                                .withPlanar(deform, ratio, frames);
                        int[] n = new int[LivenessAttackSet.Kind.values().length];
                        int[] accepted = new int[LivenessAttackSet.Kind.values().length];
                        int[] spoof = new int[LivenessAttackSet.Kind.values().length];
                        for (LivenessAttackSet.Sample x : set) {
                            if (!x.split().equals(split)) {
                                continue;
                            }
                            LivenessAttackSet.Outcome o = LivenessAttackSet.evaluate(x.frames(), s);
                            int k = x.kind().ordinal();
                            n[k]++;
                            accepted[k] += o.passiveLive() ? 1 : 0;
                            spoof[k] += o.finalVerdict().spoof() ? 1 : 0;
                        }
                        System.out.printf(Locale.ROOT,
                                "live=%.3f deform=%.3f ratio=%.1f frames=%d  bonafide live %d/%d spoof %d  print live %d spoof %d/%d%n",
                                live, deform, ratio, frames, accepted[0], n[0], spoof[0], accepted[1], spoof[1], n[1]);
                    }
                }
            }
        }
    }
}
