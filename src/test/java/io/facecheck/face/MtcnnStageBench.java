package io.facecheck.face;

import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Developer measurement (not a test): median ms per MTCNN stage, embedding and liveness on a 640x480 frame. */
public final class MtcnnStageBench {
    public static void main(String[] args) throws Exception {
        int minFace = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        RgbImage face = new ImageLoader().load(Lfw10.DIR.resolve("Colin_Powell/Colin_Powell_0001.jpg"));
        RgbImage frame = RgbImage.blank(640, 480);
        float[] d = frame.data();
        Arrays.fill(d, 110f);
        for (int y = 0; y < 250; y++) {
            System.arraycopy(face.data(), y * 250 * 3, d, ((y + 115) * 640 + 195) * 3, 250 * 3);
        }
        try (Models models = new Models(Path.of("models"), TfThreads.DEFAULT)) {
            MtcnnDetector det = new MtcnnDetector(models, new MtcnnDetector(models).settings().withMinFaceSize(minFace));
            MobileFaceNetEmbedder emb = new MobileFaceNetEmbedder(models);
            LivenessScorer live = new LivenessScorer(models);
            int n = 30;
            double[] p = new double[n], r = new double[n], o = new double[n], all = new double[n], al = new double[n],
                    e1 = new double[n], lv = new double[n];
            for (int i = -5; i < n; i++) {
                long t0 = System.nanoTime();
                List<io.facecheck.face.mtcnn.Box> b1 = det.proposals(frame);
                long t1 = System.nanoTime();
                List<io.facecheck.face.mtcnn.Box> b2 = det.refine(frame, b1);
                long t2 = System.nanoTime();
                List<DetectedFace> faces = det.output(frame, b2);
                long t3 = System.nanoTime();
                RgbImage crop = emb.align(frame, faces.get(0));
                long t4 = System.nanoTime();
                emb.embed(List.of(crop));
                long t5 = System.nanoTime();
                live.score(frame, faces.get(0));
                long t6 = System.nanoTime();
                if (i >= 0) {
                    p[i] = (t1 - t0) / 1e6;
                    r[i] = (t2 - t1) / 1e6;
                    o[i] = (t3 - t2) / 1e6;
                    all[i] = (t3 - t0) / 1e6;
                    al[i] = (t4 - t3) / 1e6;
                    e1[i] = (t5 - t4) / 1e6;
                    lv[i] = (t6 - t5) / 1e6;
                }
                if (i == 0) {
                    System.out.println("candidates after P-Net " + b1.size() + ", after R-Net " + b2.size() + ", faces " + faces.size());
                }
            }
            System.out.printf("640x480, min face %d, medians: P-Net+pyramid %.1f ms, R-Net %.1f ms, O-Net %.1f ms, MTCNN total %.1f ms;"
                    + " align %.2f ms; MobileFaceNet batch 1 %.1f ms; liveness %.1f ms%n", minFace, med(p), med(r), med(o), med(all),
                    med(al), med(e1), med(lv));
            // process CPU time (all threads, TensorFlow's included): insensitive to other processes on the machine
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < n; i++) {
                det.detect(frame);
            }
            long c1 = os.getProcessCpuTime();
            List<DetectedFace> faces = det.detect(frame);
            RgbImage crop = emb.align(frame, faces.get(0));
            for (int i = 0; i < n; i++) {
                emb.embed(List.of(crop));
            }
            long c2 = os.getProcessCpuTime();
            for (int i = 0; i < n; i++) {
                live.score(frame, faces.get(0));
            }
            long c3 = os.getProcessCpuTime();
            RgbImage[] eight = new RgbImage[8];
            Arrays.fill(eight, crop);
            for (int i = 0; i < n; i++) {
                emb.embed(List.of(eight));
            }
            long c4 = os.getProcessCpuTime();
            long c5 = os.getProcessCpuTime();
            for (int i = 0; i < n; i++) {
                for (double s : det.scales(640, 480)) {
                    Resize.area(frame, (int) Math.ceil(640 * s), (int) Math.ceil(480 * s));
                }
            }
            long c6 = os.getProcessCpuTime();
            System.out.printf("CPU ms per call: MTCNN detect %.1f (of which pyramid resizes %.1f), MobileFaceNet batch 1 %.1f, "
                    + "batch 8 per face %.1f, liveness %.1f%n", (c1 - c0) / 1e6 / n, (c6 - c5) / 1e6 / n, (c2 - c1) / 1e6 / n,
                    (c4 - c3) / 1e6 / n / 8, (c3 - c2) / 1e6 / n);
            // pyramid resize alone
            double[] pr = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                for (double s : det.scales(640, 480)) {
                    Resize.area(frame, (int) Math.ceil(640 * s), (int) Math.ceil(480 * s));
                }
                pr[i] = (System.nanoTime() - t0) / 1e6;
            }
            System.out.printf("pyramid resizes alone: %.1f ms (%d levels)%n", med(pr), det.scales(640, 480).size());
        }
    }

    static double med(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
