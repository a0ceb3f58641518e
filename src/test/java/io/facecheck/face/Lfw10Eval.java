package io.facecheck.face;

import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Developer measurement (not a test): MTCNN + alignment + MobileFaceNet on lfw10, with stage timings. */
public final class Lfw10Eval {
    public static void main(String[] args) throws Exception {
        int minFace = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        try (Models models = new Models(Path.of("models"), TfThreads.DEFAULT)) {
            MtcnnDetector det = new MtcnnDetector(models);
            det = new MtcnnDetector(models, det.settings().withMinFaceSize(minFace));
            MobileFaceNetEmbedder emb = new MobileFaceNetEmbedder(models);
            LivenessScorer live = new LivenessScorer(models);
            ImageLoader loader = new ImageLoader();
            List<String> people = new ArrayList<>();
            List<float[]> embs = new ArrayList<>();
            List<RgbImage> crops = new ArrayList<>();
            int detected = 0, total = 0;
            long tDet = 0, tAlign = 0;
            List<Double> liveScores = new ArrayList<>();
            // warm-up
            RgbImage warm = loader.load(Lfw10.photos().get(0).file());
            det.detect(warm);
            for (Lfw10.Photo p : Lfw10.photos()) {
                total++;
                RgbImage img = loader.load(p.file());
                long t0 = System.nanoTime();
                List<DetectedFace> faces = det.detect(img);
                tDet += System.nanoTime() - t0;
                DetectedFace f = Lfw10.central(faces, img);
                if (f == null) {
                    System.out.println("no face: " + p.file());
                    continue;
                }
                detected++;
                t0 = System.nanoTime();
                crops.add(emb.align(img, f));
                tAlign += System.nanoTime() - t0;
                people.add(p.person());
                liveScores.add(live.score(img, f));
            }
            long t0 = System.nanoTime();
            float[][] e = emb.embed(crops);
            long tEmb = System.nanoTime() - t0;
            embs.addAll(Arrays.asList(e));
            double[][] d = Lfw10.pairDistances(people, embs);
            double best = Lfw10.bestThreshold(d[0], d[1]);
            double[] tf = Lfw10.tenFold(d[0], d[1], 42);
            System.out.printf("minFace %d: detected %d/%d; MTCNN %.1f ms/image; align %.2f ms; embed %.2f ms/face (batch 8)%n",
                    minFace, detected, total, tDet / 1e6 / total, tAlign / 1e6 / detected, tEmb / 1e6 / detected);
            System.out.printf("pairs same %d diff %d; AUC %.5f; best thr %.3f acc %.4f; 10-fold %.4f ± %.4f; TAR@FAR1e-3 %.4f; TAR@FAR1e-2 %.4f%n",
                    d[0].length, d[1].length, Lfw10.auc(d[0], d[1]), best, Lfw10.accuracy(d[0], d[1], best), tf[0], tf[1],
                    Lfw10.tarAtFar(d[0], d[1], 1e-3), Lfw10.tarAtFar(d[0], d[1], 1e-2));
            System.out.println("accuracy at card threshold " + emb.threshold() + ": " + Lfw10.accuracy(d[0], d[1], emb.threshold()));
            System.out.println("liveness: " + liveScores.stream().filter(x -> x < live.threshold()).count() + "/"
                    + liveScores.size() + " lfw10 faces scored live; finite: " + liveScores.stream().allMatch(Double::isFinite));
            double thr = emb.threshold();
            System.out.printf("at card threshold %.2f: TAR %.4f FAR %.5f%n", thr,
                    Arrays.stream(d[0]).filter(x -> x < thr).count() / (double) d[0].length,
                    Arrays.stream(d[1]).filter(x -> x < thr).count() / (double) d[1].length);
            // timing of single-face embedding and liveness
            long s = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                emb.embed(List.of(crops.get(i)));
            }
            System.out.printf("embed batch 1: %.2f ms/face%n", (System.nanoTime() - s) / 1e6 / 20);
        }
    }
}
