package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.eval.Degradation;
import io.facecheck.eval.DegradationChart;
import io.facecheck.eval.Identification;
import io.facecheck.eval.LabelledImage;
import io.facecheck.eval.Pair;
import io.facecheck.eval.Pairs;
import io.facecheck.eval.PairsFileException;
import io.facecheck.eval.Rank1;
import io.facecheck.eval.RocChart;
import io.facecheck.eval.RocPoint;
import io.facecheck.eval.Verification;
import io.facecheck.eval.VerificationReport;
import io.facecheck.face.BoundingBox;
import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.match.Vectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code facecheck evaluate}: verification accuracy the LFW way (10-fold), TAR at fixed FAR, AUC and rank-1, per
 * detector × embedder combination.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true)
final class EvaluateCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--folder", paramLabel = "DIR", required = true, descriptionKey = "help.evaluate.folder")
        Path folder;

        @Option(names = "--pairs", paramLabel = "CSV", required = true, descriptionKey = "help.evaluate.pairs")
        Path pairs;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--images", paramLabel = "DIR", descriptionKey = "help.evaluate.images")
    Path imagesDir;

    @Option(names = "--roc", paramLabel = "PNG", descriptionKey = "help.evaluate.roc")
    Path roc;

    @Option(names = "--json", descriptionKey = "help.evaluate.json")
    boolean json;

    @Option(names = "--degrade", paramLabel = "KIND=L1,L2",
            descriptionKey = "help.evaluate.degrade")
    List<String> degrade = new ArrayList<>();

    @Option(names = "--plot", paramLabel = "PNG", descriptionKey = "help.evaluate.plot")
    Path plot;

    @Option(names = "--flip", descriptionKey = "help.evaluate.flip")
    boolean flip;

    @Mixin
    EngineOptions engineOptions;

    /** What one combination scored. */
    record Result(Map<String, Object> fields, List<RocPoint> roc, List<DegradedRow> degraded) {
    }

    /** What one combination scored on one degradation. */
    record DegradedRow(Degradation degradation, int imagesWithoutFace, int imagesUnchanged, VerificationReport report) {
        Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", degradation.kind());
            m.put("level", degradation.level() == Math.rint(degradation.level())
                    ? (Object) (long) degradation.level() : (Object) degradation.level());
            m.put("imagesWithoutFace", imagesWithoutFace);
            m.put("imagesUnchanged", imagesUnchanged);
            m.put("accuracyAtThreshold", report.accuracyAtThreshold());
            m.put("tenFoldAccuracy", report.tenFoldAccuracy());
            m.put("tarAtFar1e3", report.tarAtFar1e3());
            return m;
        }
    }

    private String setName() {
        return String.valueOf(source.folder != null ? source.folder.getFileName() : source.pairs.getFileName());
    }

    @Override
    public Integer call() throws IOException {
        // before the evaluation, which can take minutes: a chart that cannot be written fails now
        if (roc != null) {
            OutputFiles.requirePng("--roc", roc);
        }
        if (plot != null) {
            OutputFiles.requirePng("--plot", plot);
        }
        List<Pair> pairs;
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> labels = null;
        try {
            if (source.folder != null) {
                List<LabelledImage> images = Pairs.images(source.folder);
                if (images.isEmpty()) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.evaluate.noPhotos", source.folder);
                }
                pairs = Pairs.allPairs(images);
                labels = new ArrayList<>();
                for (LabelledImage im : images) {
                    files.put(im.name(), im.file());
                    labels.add(im.identity());
                }
            } else {
                if (imagesDir == null) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.evaluate.pairsNeedImages");
                }
                pairs = Pairs.readCsv(source.pairs);
                for (Pair p : pairs) {
                    files.putIfAbsent(p.fileX(), imagesDir.resolve(p.fileX()));
                    files.putIfAbsent(p.fileY(), imagesDir.resolve(p.fileY()));
                }
            }
        } catch (PairsFileException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
        if (pairs.isEmpty()) {
            throw CliException.of(ExitCodes.FAILURE, "cli.evaluate.noPairs");
        }
        List<Degradation> degradations;
        try {
            degradations = Degradation.parse(degrade);
        } catch (IllegalArgumentException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.evaluate.badDegrade", e.getMessage());
        }
        if (plot != null && degradations.isEmpty()) {
            throw CliException.of(ExitCodes.FAILURE, "cli.evaluate.plotNeedsDegrade");
        }

        List<Result> results = new ArrayList<>();
        for (String det : list(engineOptions.options().detector())) {
            for (String emb : list(engineOptions.options().embedder())) {
                results.add(evaluate(det, emb, pairs, files, labels, degradations));
            }
        }
        if (roc != null) {
            Map<String, List<RocPoint>> curves = new LinkedHashMap<>();
            for (Result r : results) {
                curves.put(r.fields().get("detector") + " + " + r.fields().get("embedder"), r.roc());
            }
            RocChart.write(curves, "ROC, " + setName(), roc);
        }
        if (plot != null) {
            List<DegradationChart.Point> points = new ArrayList<>();
            for (Result r : results) {
                String combo = r.fields().get("detector") + " + " + r.fields().get("embedder");
                for (DegradedRow row : r.degraded()) {
                    points.add(new DegradationChart.Point(combo, row.degradation(), row.report().tarAtFar1e3()));
                }
            }
            DegradationChart.write(points, "TAR at FAR 1e-3 under degradation, " + setName()
                    + (flip ? " (flip-averaged)" : ""), plot);
        }
        if (json) {
            if (results.size() == 1) {
                Json.print(results.get(0).fields());
            } else {
                Json.print(Map.of("results", results.stream().map(Result::fields).toList()));
            }
        } else {
            for (Result r : results) {
                print(r.fields());
            }
        }
        return ExitCodes.OK;
    }

    private static List<String> list(String csv) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return new ArrayList<>(out);
    }

    private Result evaluate(String detector, String embedder, List<Pair> pairs, Map<String, Path> files,
                            List<String> labels, List<Degradation> degradations) {
        FaceEngine.Options o = engineOptions.options().withDetector(detector).withEmbedder(embedder);
        ImageLoader loader = new ImageLoader();
        Map<String, float[]> embeddings = new LinkedHashMap<>();
        List<String> withoutFace = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<Map<String, float[]>> degradedEmbeddings = new ArrayList<>();
        int[] degradedWithoutFace = new int[degradations.size()];
        int[] unchanged = new int[degradations.size()];
        for (int i = 0; i < degradations.size(); i++) {
            degradedEmbeddings.add(new LinkedHashMap<>());
        }
        double threshold;
        try (FaceEngine engine = FaceEngine.open(o)) {
            threshold = engineOptions.threshold != null ? engineOptions.threshold : engine.embedder().threshold();
            int done = 0;
            for (Map.Entry<String, Path> e : files.entrySet()) {
                try {
                    RgbImage image = loader.load(e.getValue());
                    Optional<Face> f = engine.largest(image);
                    if (f.isPresent()) {
                        embeddings.put(e.getKey(), embedding(engine, f.get()));
                    } else {
                        withoutFace.add(e.getKey());
                    }
                    BoundingBox cleanBox = f.map(x -> x.detection().box()).orElse(null);
                    for (int i = 0; i < degradations.size(); i++) {
                        Degradation d = degradations.get(i);
                        if (!d.changes(cleanBox)) {
                            unchanged[i]++;
                        }
                        Optional<Face> g = d.changes(cleanBox) ? engine.largest(d.apply(image, cleanBox)) : f;
                        if (g.isPresent()) {
                            degradedEmbeddings.get(i).put(e.getKey(), embedding(engine, g.get()));
                        } else {
                            degradedWithoutFace[i]++;
                        }
                    }
                    if (!degradations.isEmpty() && ++done % 10 == 0) {
                        System.err.print("\r" + Messages.get("cli.evaluate.progress", detector, embedder, done,
                                files.size(), degradations.size()));
                    }
                } catch (ImageLoadException ex) {
                    unreadable.add(e.getKey());
                    CliMessages.warn("cli.skipped", ex.getLocalizedMessage());
                }
            }
        }
        if (!degradations.isEmpty()) {
            System.err.println();
        }
        Verification v = Verification.fromPairs(pairs, embeddings);
        VerificationReport r = v.report(threshold);
        List<DegradedRow> rows = new ArrayList<>();
        for (int i = 0; i < degradations.size(); i++) {
            VerificationReport dr = Verification.fromPairs(pairs, degradedEmbeddings.get(i)).report(threshold);
            rows.add(new DegradedRow(degradations.get(i), degradedWithoutFace[i] + unreadable.size(), unchanged[i], dr));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("detector", detector);
        m.put("embedder", embedder);
        m.put("images", files.size());
        m.put("pairs", r.pairs());
        m.put("genuinePairs", r.genuine());
        m.put("impostorPairs", r.impostor());
        m.put("imagesWithoutFace", withoutFace.size());
        m.put("unreadableImages", unreadable.size());
        putMetrics(m, r);
        if (labels != null) {
            List<float[]> vs = new ArrayList<>();
            List<String> ls = new ArrayList<>();
            int i = 0;
            for (String name : files.keySet()) {
                float[] e = embeddings.get(name);
                if (e != null) {
                    vs.add(e);
                    ls.add(labels.get(i));
                }
                i++;
            }
            Rank1 rank1 = Identification.rank1LeaveOneOut(vs, ls);
            // Images without a face count as misses: a user would not be identified either.
            int probes = rank1.probes() + withoutFace.size() + unreadable.size();
            m.put("rank1", probes == 0 ? 0.0 : (double) rank1.correct() / probes);
            m.put("rank1Correct", rank1.correct());
            m.put("rank1Probes", probes);
        }
        m.put("withoutFace", withoutFace);
        if (flip) {
            m.put("flipAveraged", true);
        }
        if (!rows.isEmpty()) {
            m.put("degraded", rows.stream().map(DegradedRow::fields).toList());
        }
        return new Result(m, v.roc(), rows);
    }

    /** The face's embedding, or with --flip the normalised mean of it and its mirror image's. */
    private float[] embedding(FaceEngine engine, Face face) {
        if (!flip) {
            return face.embedding();
        }
        float[] m = engine.embedder().embed(List.of(face.aligned().mirrored()))[0];
        float[] e = face.embedding();
        float[] sum = new float[e.length];
        for (int i = 0; i < e.length; i++) {
            sum[i] = e[i] + m[i];
        }
        return Vectors.normalized(sum);
    }

    private static void print(Map<String, Object> m) {
        System.out.println(m.get("detector") + " + " + m.get("embedder"));
        CliMessages.out("cli.evaluate.counts", m.get("images"), m.get("pairs"), m.get("genuinePairs"),
                m.get("impostorPairs"), m.get("imagesWithoutFace"));
        figure(Messages.get("cli.evaluate.accuracyAt", m.get("threshold")), f4(m.get("accuracyAtThreshold")));
        figure(Messages.get("cli.evaluate.bestAccuracy", m.get("bestThreshold")), f4(m.get("bestAccuracy")));
        figure(Messages.get("cli.evaluate.tenFold"), f4(m.get("tenFoldAccuracy")) + " ± " + f4(m.get("tenFoldStd")));
        figure("TAR @ FAR 1e-2:", f4(m.get("tarAtFar1e2")));
        figure("TAR @ FAR 1e-3:", f4(m.get("tarAtFar1e3")));
        figure("ROC AUC:", String.format(Locale.ROOT, "%.5f", m.get("auc")));
        if (m.containsKey("rank1")) {
            figure(Messages.get("cli.evaluate.rank1"), f4(m.get("rank1")) + " (" + m.get("rank1Correct") + "/"
                    + m.get("rank1Probes") + ")");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) m.get("degraded");
        if (rows != null) {
            StringBuilder head = new StringBuilder("  ").append(DisplayWidth.padRight(
                    Messages.get("cli.evaluate.degradation"), 14));
            for (String h : List.of(Messages.get("cli.evaluate.noFace"), Messages.get("cli.evaluate.unchanged"),
                    "acc@thr", Messages.get("cli.evaluate.tenFoldShort"), "TAR@1e-3")) {
                head.append(' ').append(DisplayWidth.padLeft(h, 9));
            }
            System.out.println(head);
            for (Map<String, Object> row : rows) {
                System.out.printf(Locale.ROOT, "  %-14s %9s %9s %9.4f %9.4f %9.4f%n", row.get("kind") + "=" + row.get("level"),
                        row.get("imagesWithoutFace"), row.get("imagesUnchanged"), row.get("accuracyAtThreshold"),
                        row.get("tenFoldAccuracy"), row.get("tarAtFar1e3"));
            }
        }
    }

    /** One figure after its label, the figures of every language in one column. */
    private static void figure(String label, String value) {
        System.out.println("  " + DisplayWidth.padRight(label, 32) + " " + value);
    }

    private static String f4(Object v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The LFW-protocol figures of {@code r}, in the order {@code evaluate --json} prints them (shared with {@code train}). */
    static void putMetrics(Map<String, Object> m, VerificationReport r) {
        m.put("threshold", r.threshold());
        m.put("accuracyAtThreshold", r.accuracyAtThreshold());
        m.put("bestThreshold", r.bestThreshold());
        m.put("bestAccuracy", r.bestAccuracy());
        m.put("tenFoldAccuracy", r.tenFoldAccuracy());
        m.put("tenFoldStd", r.tenFoldStd());
        m.put("tarAtFar1e2", r.tarAtFar1e2());
        m.put("tarAtFar1e3", r.tarAtFar1e3());
        m.put("auc", r.auc());
    }
}
