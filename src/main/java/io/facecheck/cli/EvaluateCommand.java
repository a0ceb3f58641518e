package io.facecheck.cli;

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
import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
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
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure accuracy on a labelled photo set.",
                "--folder DIR: one sub-folder per person, all pairs. --pairs FILE.csv --images DIR: the listed pairs",
                "(header file_x,file_y,Decision; Decision Yes/No or 1/0). --detector/--embedder take comma lists."})
final class EvaluateCommand implements Callable<Integer> {

    static final class Source {
        @Option(names = "--folder", paramLabel = "DIR", required = true, description = "One sub-folder per person.")
        Path folder;

        @Option(names = "--pairs", paramLabel = "CSV", required = true, description = "Pairs file.")
        Path pairs;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--images", paramLabel = "DIR", description = "Folder the pairs file's paths are relative to.")
    Path imagesDir;

    @Option(names = "--roc", paramLabel = "PNG", description = "Write the ROC curve(s) as a PNG.")
    Path roc;

    @Option(names = "--json", description = "Machine-readable output on stdout.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    /** What one combination scored. */
    record Result(Map<String, Object> fields, List<RocPoint> roc) {
    }

    @Override
    public Integer call() throws IOException {
        List<Pair> pairs;
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> labels = null;
        try {
            if (source.folder != null) {
                List<LabelledImage> images = Pairs.images(source.folder);
                if (images.isEmpty()) {
                    throw new CliException(ExitCodes.FAILURE, "no photos in sub-folders of " + source.folder);
                }
                pairs = Pairs.allPairs(images);
                labels = new ArrayList<>();
                for (LabelledImage im : images) {
                    files.put(im.name(), im.file());
                    labels.add(im.identity());
                }
            } else {
                if (imagesDir == null) {
                    throw new CliException(ExitCodes.FAILURE, "--pairs needs --images DIR (the folder its paths are relative to)");
                }
                pairs = Pairs.readCsv(source.pairs);
                for (Pair p : pairs) {
                    files.putIfAbsent(p.fileX(), imagesDir.resolve(p.fileX()));
                    files.putIfAbsent(p.fileY(), imagesDir.resolve(p.fileY()));
                }
            }
        } catch (PairsFileException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage());
        }
        if (pairs.isEmpty()) {
            throw new CliException(ExitCodes.FAILURE, "no pairs to evaluate");
        }

        List<Result> results = new ArrayList<>();
        for (String det : list(engineOptions.options().detector())) {
            for (String emb : list(engineOptions.options().embedder())) {
                results.add(evaluate(det, emb, pairs, files, labels));
            }
        }
        if (roc != null) {
            Map<String, List<RocPoint>> curves = new LinkedHashMap<>();
            for (Result r : results) {
                curves.put(r.fields().get("detector") + " + " + r.fields().get("embedder"), r.roc());
            }
            RocChart.write(curves, "ROC, " + (source.folder != null ? source.folder.getFileName() : source.pairs.getFileName()), roc);
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
                            List<String> labels) {
        FaceEngine.Options o = engineOptions.options().withDetector(detector).withEmbedder(embedder);
        ImageLoader loader = new ImageLoader();
        Map<String, float[]> embeddings = new LinkedHashMap<>();
        List<String> withoutFace = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        double threshold;
        try (FaceEngine engine = FaceEngine.open(o)) {
            threshold = engineOptions.threshold != null ? engineOptions.threshold : engine.embedder().threshold();
            for (Map.Entry<String, Path> e : files.entrySet()) {
                try {
                    Optional<Face> f = engine.largest(loader.load(e.getValue()));
                    if (f.isPresent()) {
                        embeddings.put(e.getKey(), f.get().embedding());
                    } else {
                        withoutFace.add(e.getKey());
                    }
                } catch (ImageLoadException ex) {
                    unreadable.add(e.getKey());
                    System.err.println("facecheck: skipped " + ex.getMessage());
                }
            }
        }
        Verification v = Verification.fromPairs(pairs, embeddings);
        VerificationReport r = v.report(threshold);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("detector", detector);
        m.put("embedder", embedder);
        m.put("images", files.size());
        m.put("pairs", r.pairs());
        m.put("genuinePairs", r.genuine());
        m.put("impostorPairs", r.impostor());
        m.put("imagesWithoutFace", withoutFace.size());
        m.put("unreadableImages", unreadable.size());
        m.put("threshold", r.threshold());
        m.put("accuracyAtThreshold", r.accuracyAtThreshold());
        m.put("bestThreshold", r.bestThreshold());
        m.put("bestAccuracy", r.bestAccuracy());
        m.put("tenFoldAccuracy", r.tenFoldAccuracy());
        m.put("tenFoldStd", r.tenFoldStd());
        m.put("tarAtFar1e2", r.tarAtFar1e2());
        m.put("tarAtFar1e3", r.tarAtFar1e3());
        m.put("auc", r.auc());
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
        return new Result(m, v.roc());
    }

    private static void print(Map<String, Object> m) {
        System.out.printf(Locale.ROOT, "%s + %s%n", m.get("detector"), m.get("embedder"));
        System.out.printf(Locale.ROOT, "  images %s, pairs %s (%s same, %s different), images without a face %s%n",
                m.get("images"), m.get("pairs"), m.get("genuinePairs"), m.get("impostorPairs"), m.get("imagesWithoutFace"));
        System.out.printf(Locale.ROOT, "  accuracy at threshold %.4f:   %.4f%n", m.get("threshold"), m.get("accuracyAtThreshold"));
        System.out.printf(Locale.ROOT, "  best accuracy (threshold %.4f): %.4f%n", m.get("bestThreshold"), m.get("bestAccuracy"));
        System.out.printf(Locale.ROOT, "  10-fold accuracy:               %.4f ± %.4f%n", m.get("tenFoldAccuracy"), m.get("tenFoldStd"));
        System.out.printf(Locale.ROOT, "  TAR @ FAR 1e-2:                 %.4f%n", m.get("tarAtFar1e2"));
        System.out.printf(Locale.ROOT, "  TAR @ FAR 1e-3:                 %.4f%n", m.get("tarAtFar1e3"));
        System.out.printf(Locale.ROOT, "  ROC AUC:                        %.5f%n", m.get("auc"));
        if (m.containsKey("rank1")) {
            System.out.printf(Locale.ROOT, "  rank-1 (leave-one-out):         %.4f (%s/%s)%n", m.get("rank1"), m.get("rank1Correct"),
                    m.get("rank1Probes"));
        }
    }
}
