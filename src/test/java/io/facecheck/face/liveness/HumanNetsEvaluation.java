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
        if (args.length >= 2 && args[0].equals("--from")) {
            List<LivenessAttackSet.Sample> set = LivenessAttackSet.parse(Files.readString(Path.of(args[1])));
            System.out.println(HumanNetsAnalysis.report(set));
            return;
        }
        System.err.println("usage: HumanNetsEvaluation build MODELS_DIR OUT.tsv | --from OUT.tsv");
        System.exit(1);
    }
}
