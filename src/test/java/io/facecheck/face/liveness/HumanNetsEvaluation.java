package io.facecheck.face.liveness;

import io.facecheck.face.FaceEngine;
import io.facecheck.models.TfModel;
import io.facecheck.models.TfThreads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures human's single-frame nets ({@code human-liveness}, {@code human-antispoof}) on the attack set of
 * {@link LivenessAttackSet}: {@code build MODELS_DIR OUT.tsv} runs the set once, storing per frame the landmarks and
 * the nets' values ({@link #COLUMNS}); {@code --from OUT.tsv} evaluates per presentation (thresholds chosen on dev,
 * reported on test; see {@link HumanNetsAnalysis}).
 */
public final class HumanNetsEvaluation {
    /** The per-frame values stored, in this order. */
    public static final List<String> COLUMNS = List.of(
            "liveness[0]@crop1.0", "liveness[0]@crop1.5", "antispoof@crop1.0", "antispoof@crop1.5");

    private HumanNetsEvaluation() {
    }

    /**
     * The nets' single-frame scores on the 100 lfw10 photos (real faces from press cameras: other people, cameras and
     * light than the bona fide videos), each photo's central face: how often a genuine face from elsewhere falls
     * below a threshold chosen on the attack set.
     */
    static void stills(Path models) throws Exception {
        try (FaceEngine engine = FaceEngine.open(FaceEngine.Options.defaults());
             TfModel liveness = TfModel.load(models.resolve("human-liveness"), TfThreads.DEFAULT);
             TfModel antispoof = TfModel.load(models.resolve("human-antispoof"), TfThreads.DEFAULT)) {
            FaceCropNet live = new FaceCropNet(liveness, "probabilities", 0);
            FaceCropNet real = new FaceCropNet(antispoof, "real", 0);
            io.facecheck.face.ImageLoader loader = new io.facecheck.face.ImageLoader();
            List<double[]> rows = new java.util.ArrayList<>();
            for (io.facecheck.face.Lfw10.Photo p : io.facecheck.face.Lfw10.photos()) {
                io.facecheck.face.RgbImage im = loader.load(p.file());
                io.facecheck.face.DetectedFace f = io.facecheck.face.Lfw10.central(engine.detector().detect(im), im);
                if (f == null) {
                    continue;
                }
                rows.add(new double[]{live.score(im, f.box(), 1.0), live.score(im, f.box(), 1.5),
                        real.score(im, f.box(), 1.0), real.score(im, f.box(), 1.5)});
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                double[] v = new double[rows.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rows.get(i)[c];
                }
                java.util.Arrays.sort(v);
                System.out.printf(Locale.ROOT, "lfw10 %-22s n=%d min %.3f p10 %.3f median %.3f p90 %.3f max %.3f%n", COLUMNS.get(c),
                        v.length, v[0], v[v.length / 10], v[v.length / 2], v[v.length * 9 / 10], v[v.length - 1]);
                for (double th : new double[]{0.5, 0.686, 0.7, 0.713, 0.8, 0.9, 0.99, 0.995}) {
                    int below = 0;
                    for (double x : v) {
                        below += x < th ? 1 : 0;
                    }
                    System.out.printf(Locale.ROOT, "   below %.3f: %d / %d%n", th, below, v.length);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("build")) {
            Path models = Path.of(args[1]);
            try (FaceEngine engine = FaceEngine.open(FaceEngine.Options.defaults());
                 TfModel liveness = TfModel.load(models.resolve("human-liveness"), TfThreads.DEFAULT);
                 TfModel antispoof = TfModel.load(models.resolve("human-antispoof"), TfThreads.DEFAULT)) {
                FaceCropNet live = new FaceCropNet(liveness, "probabilities", 0);
                FaceCropNet real = new FaceCropNet(antispoof, "real", 0);
                LivenessAttackSet.FrameScorer scorer = (im, f) -> new double[]{
                        live.score(im, f.box(), 1.0), live.score(im, f.box(), 1.5),
                        real.score(im, f.box(), 1.0), real.score(im, f.box(), 1.5)};
                long t = System.nanoTime();
                List<LivenessAttackSet.Sample> set = new LivenessAttackSet(engine, scorer).build();
                System.err.printf(Locale.ROOT, "built %d samples in %.0f s%n", set.size(), (System.nanoTime() - t) / 1e9);
                Files.writeString(Path.of(args[2]), LivenessAttackSet.serialise(set));
            }
            return;
        }
        if (args.length == 2 && args[0].equals("stills")) {
            stills(Path.of(args[1]));
            return;
        }
        if (args.length >= 2 && args[0].equals("--from")) {
            List<LivenessAttackSet.Sample> set = LivenessAttackSet.parse(Files.readString(Path.of(args[1])));
            System.out.println(HumanNetsAnalysis.report(set));
            return;
        }
        System.err.println("usage: HumanNetsEvaluation build MODELS_DIR OUT.tsv | --from OUT.tsv | stills MODELS_DIR");
        System.exit(1);
    }
}
