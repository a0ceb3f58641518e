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

    public static void main(String[] args) throws Exception {
        List<LivenessAttackSet.Sample> set = LivenessAttackSet.parse(Files.readString(Path.of(args[0])));
        String split = args.length > 1 ? args[1] : "dev";
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
                        int[] n = new int[3];
                        int[] accepted = new int[3];
                        int[] spoof = new int[3];
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
