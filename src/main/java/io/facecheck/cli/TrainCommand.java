package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.eval.Degradation;
import io.facecheck.eval.LabelledImage;
import io.facecheck.eval.Pairs;
import io.facecheck.eval.PairsFileException;
import io.facecheck.eval.VerificationReport;
import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.FaceNetworks;
import io.facecheck.face.HeadEmbedder;
import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.models.ModelCard;
import io.facecheck.models.SavedModels;
import io.facecheck.models.Sha256;
import io.facecheck.train.HeadGraph;
import io.facecheck.train.HeadTrainer;
import io.facecheck.train.IdentitySplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code facecheck train}: learns an embedding head on top of a frozen embedder from a folder of people (FaceNet's
 * triplet loss with online semi-hard mining, or the contrastive loss), validated on identities it never trains on,
 * and writes it as a SavedModel with a model card that {@code --embedder DIR} loads.
 */
@Command(name = "train", mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--folder", paramLabel = "DIR", required = true, descriptionKey = "help.train.folder")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", required = true, descriptionKey = "help.train.out")
    Path out;

    @Option(names = "--json", descriptionKey = "help.train.json")
    boolean json;

    @Option(names = "--loss", paramLabel = "triplet|contrastive", defaultValue = "triplet",
            descriptionKey = "help.train.loss")
    String loss;

    @Option(names = "--optimizer", paramLabel = "adagrad|adam", defaultValue = "adagrad",
            descriptionKey = "help.train.optimizer")
    String optimizer;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.2",
            descriptionKey = "help.train.alpha")
    double alpha;

    @Option(names = "--margin", paramLabel = "M", defaultValue = "1.0",
            descriptionKey = "help.train.margin")
    double margin;

    @Option(names = "--head", paramLabel = "linear|mlp", defaultValue = "linear",
            descriptionKey = "help.train.head")
    String head;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "128", descriptionKey = "help.train.dim")
    int dim;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "30", descriptionKey = "help.train.epochs")
    int epochs;

    @Option(names = "--learning-rate", paramLabel = "LR",
            descriptionKey = "help.train.learning-rate")
    Float learningRate;

    @Option(names = "--identities-per-batch", paramLabel = "P", defaultValue = "6",
            descriptionKey = "help.train.identities-per-batch")
    int identitiesPerBatch;

    @Option(names = "--images-per-identity", paramLabel = "K", defaultValue = "5",
            descriptionKey = "help.train.images-per-identity")
    int imagesPerIdentity;

    @Option(names = "--validation", paramLabel = "F", defaultValue = "0.3",
            descriptionKey = "help.train.validation")
    double validation;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", descriptionKey = "help.train.seed")
    long seed;

    @Option(names = "--name", paramLabel = "NAME", descriptionKey = "help.train.name")
    String name;

    @Option(names = "--degrade", paramLabel = "KIND=LEVEL",
            descriptionKey = "help.train.degrade")
    String degrade;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        HeadGraph.Loss lossKind = choose(HeadGraph.Loss.class, loss, "--loss");
        HeadGraph.OptimizerKind opt = choose(HeadGraph.OptimizerKind.class, optimizer, "--optimizer");
        HeadGraph.Architecture arch = choose(HeadGraph.Architecture.class, head, "--head");
        float lr = learningRate != null ? learningRate : opt == HeadGraph.OptimizerKind.ADAM ? 0.001f : 0.05f;
        HeadTrainer.Settings settings;
        try {
            settings = new HeadTrainer.Settings(lossKind, opt, arch, lossKind == HeadGraph.Loss.TRIPLET ? alpha : margin,
                    lr, epochs, identitiesPerBatch, imagesPerIdentity, dim, seed);
        } catch (IllegalArgumentException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw CliException.of(ExitCodes.FAILURE, "cli.train.outNotEmpty", out);
        }
        FaceEngine.Options o = engineOptions.options();
        String base = o.embedder().toLowerCase(Locale.ROOT);
        if (FaceNetworks.embedder(base).isEmpty()) {
            throw CliException.of(ExitCodes.FAILURE, "cli.train.baseEmbedder",
                    String.join(", ", FaceNetworks.embedderNames()), o.embedder());
        }
        List<LabelledImage> images;
        try {
            images = Pairs.images(folder);
        } catch (PairsFileException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
        Degradation degradation = null;
        if (degrade != null) {
            List<Degradation> ds;
            try {
                ds = Degradation.parse(List.of(degrade));
            } catch (IllegalArgumentException e) {
                throw CliException.of(ExitCodes.FAILURE, "cli.evaluate.badDegrade", e.getMessage());
            }
            if (ds.size() != 1) {
                throw CliException.of(ExitCodes.FAILURE, "cli.train.oneDegrade", degrade);
            }
            degradation = ds.get(0);
        }
        IdentitySplit split;
        try {
            split = IdentitySplit.of(images.stream().map(LabelledImage::identity).toList(), validation, seed);
        } catch (IllegalArgumentException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.train.folder", folder, e.getLocalizedMessage());
        }

        // 1. Frozen features, computed once.
        List<HeadTrainer.Sample> training = new ArrayList<>(), held = new ArrayList<>();
        int withoutFace = 0, unreadable = 0;
        double baseThreshold;
        ImageLoader loader = new ImageLoader();
        try (FaceEngine engine = FaceEngine.open(o)) {
            baseThreshold = engine.embedder().threshold();
            int done = 0;
            for (LabelledImage im : images) {
                try {
                    RgbImage image = loader.load(im.file());
                    Optional<Face> f = engine.largest(image);
                    if (degradation != null && f.isPresent() && degradation.changes(f.get().detection().box())) {
                        f = engine.largest(degradation.apply(image, f.get().detection().box()));
                    }
                    if (f.isPresent()) {
                        HeadTrainer.Sample s = new HeadTrainer.Sample(im.identity(), f.get().embedding());
                        (split.validation().contains(im.identity()) ? held : training).add(s);
                    } else {
                        withoutFace++;
                    }
                } catch (ImageLoadException e) {
                    unreadable++;
                    CliMessages.warn("cli.skipped", e.getLocalizedMessage());
                }
                System.err.print("\r" + Messages.get("cli.train.features", o.detector(), base, ++done, images.size()));
            }
            System.err.println();
        }
        int in = training.isEmpty() ? 0 : training.get(0).features().length;
        String modelName = name != null ? name : base + "+head";

        // 2. Train the head graph; 3. write it.
        Map<String, Object> doc = new LinkedHashMap<>();
        try (HeadGraph graph = new HeadGraph(in, dim, arch, lossKind, settings.margin(), opt, lr, seed)) {
            int[] trainY = labelsOf(training);
            int[] valY = labelsOf(held);
            float[][] trainX = featuresOf(training);
            float[][] valX = featuresOf(held);
            double initialLoss = lossKind == HeadGraph.Loss.TRIPLET
                    ? io.facecheck.train.Losses.triplet(graph.embed(trainX), trainY, settings.margin())
                    : io.facecheck.train.Losses.contrastive(graph.embed(trainX), trainY, settings.margin());
            System.err.println(Messages.get("cli.train.training", arch.name().toLowerCase(Locale.ROOT),
                    lossKind.name().toLowerCase(Locale.ROOT), opt.name().toLowerCase(Locale.ROOT), training.size(),
                    split.training().size(), held.size(), split.validation().size()));
            List<HeadTrainer.EpochLog> logs = HeadTrainer.train(graph, training, held, settings, TrainCommand::progress);
            float[][] trainedTrain = graph.embed(trainX);
            double threshold = HeadTrainer.calibrate(trainedTrain, trainY);
            VerificationReport before = HeadTrainer.report(valX, valY, baseThreshold);
            VerificationReport after = HeadTrainer.report(graph.embed(valX), valY, threshold);

            Path tmp = Files.createTempDirectory(out.toAbsolutePath().getParent() == null ? Path.of(".")
                    : createParent(out), ".train-");
            try {
                graph.export(tmp);
                SavedModels.rewriteDeterministically(tmp.resolve(SavedModels.PB));
                String sha = Sha256.of(tmp.resolve(SavedModels.PB));
                Map<String, Object> params = new LinkedHashMap<>();
                params.put(HeadEmbedder.BASE_PARAMETER, base);
                params.put("detector", o.detector());
                params.put("head", arch.name().toLowerCase(Locale.ROOT));
                params.put("loss", lossKind.name().toLowerCase(Locale.ROOT));
                params.put(lossKind == HeadGraph.Loss.TRIPLET ? "alpha" : "margin", settings.margin());
                params.put("optimizer", opt.name().toLowerCase(Locale.ROOT));
                params.put("learningRate", (double) lr);
                params.put("epochs", epochs);
                params.put("batch", identitiesPerBatch + " identities x " + imagesPerIdentity + " images");
                params.put("seed", seed);
                if (degradation != null) {
                    params.put("degradation", degradation.label());
                }
                params.put("trainingData", Map.of("folder", folder.toAbsolutePath().normalize().toString(),
                        "identities", split.training(), "images", training.size()));
                params.put("validationIdentities", split.validation());
                params.put("lossInitial", initialLoss);
                params.put("lossPerEpoch", logs.stream().map(HeadTrainer.EpochLog::trainLoss).toList());
                params.put("before", fields(before, withoutFace + unreadable));
                params.put("after", fields(after, withoutFace + unreadable));
                ModelCard card = new ModelCard(modelName, sha.substring(0, 12),
                        "face recognition: " + dim + "-D embedding head on " + base,
                        "A " + arch.name().toLowerCase(Locale.ROOT) + " head trained by 'facecheck train' ("
                                + lossKind.name().toLowerCase(Locale.ROOT) + " loss) on frozen " + base
                                + " embeddings; the input is the base embedder's unit embedding of an aligned face.",
                        new ModelCard.Tensor("features", List.of(-1L, (long) in), "float32", "float32 [n, " + in + "]",
                                null, "L2-normalised", "the " + base + " embedding of an aligned face"),
                        null,
                        List.of(new ModelCard.Tensor("embedding", List.of(-1L, (long) dim), "float32", null, null, null,
                                "raw embedding; L2-normalise it before comparing")),
                        dim, "squared L2 on L2-normalised embeddings", threshold,
                        "best-accuracy threshold on all pairs of the training identities (never the validation ones)",
                        null, "trained by FaceCheck (MIT) on top of " + base + " (see its card); training photos: "
                                + folder.getFileName(),
                        null, String.format(Locale.ROOT, "validation identities %s: TAR at FAR 1e-3 %.4f before, %.4f after;"
                                        + " 10-fold accuracy %.4f before, %.4f after", split.validation(),
                                before.tarAtFar1e3(), after.tarAtFar1e3(), before.tenFoldAccuracy(), after.tenFoldAccuracy()),
                        Map.of(SavedModels.PB, sha), params);
                card.write(tmp.resolve(ModelCard.FILE_NAME));
                Files.deleteIfExists(out);
                Files.move(tmp, out);
            } finally {
                if (Files.exists(tmp)) {
                    try (Stream<Path> s = Files.walk(tmp)) {
                        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
            doc.put("model", out.toAbsolutePath().normalize().toString());
            doc.put("name", modelName);
            doc.put("baseEmbedder", base);
            doc.put("loss", lossKind.name().toLowerCase(Locale.ROOT));
            doc.put("optimizer", opt.name().toLowerCase(Locale.ROOT));
            doc.put("trainingIdentities", split.training());
            doc.put("validationIdentities", split.validation());
            doc.put("trainingImages", training.size());
            doc.put("validationImages", held.size());
            doc.put("imagesWithoutFace", withoutFace);
            if (degradation != null) {
                doc.put("degradation", degradation.label());
            }
            doc.put("lossInitial", initialLoss);
            doc.put("epochs", logs.stream().map(l -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("epoch", l.epoch());
                m.put("loss", l.trainLoss());
                m.put("minedLoss", l.minedLoss());
                m.put("triplets", l.triplets());
                m.put("validationTarAtFar1e3", l.valTar());
                return m;
            }).toList());
            doc.put("before", fields(before, withoutFace + unreadable));
            doc.put("after", fields(after, withoutFace + unreadable));
        }
        if (json) {
            Json.print(doc);
        } else {
            @SuppressWarnings("unchecked") Map<String, Object> b = (Map<String, Object>) doc.get("before");
            @SuppressWarnings("unchecked") Map<String, Object> a = (Map<String, Object>) doc.get("after");
            CliMessages.out("cli.train.wrote", doc.get("model"), doc.get("name"));
            CliMessages.out("cli.train.validationPeople", doc.get("validationIdentities"));
            // the figures' names are the JSON's keys
            System.out.println(" ".repeat(22) + DisplayWidth.padLeft(Messages.get("cli.train.before"), 9)
                    + DisplayWidth.padLeft(Messages.get("cli.train.after"), 9));
            for (String k : List.of("tenFoldAccuracy", "tarAtFar1e3", "accuracyAtThreshold", "auc")) {
                System.out.printf(Locale.ROOT, "  %-20s %8.4f %8.4f%n", k, b.get(k), a.get(k));
            }
            CliMessages.out("cli.train.useIt", doc.get("model"));
        }
        return ExitCodes.OK;
    }

    private static Path createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static void progress(HeadTrainer.EpochLog l, int epochs) {
        int width = 20, filled = (int) Math.round(width * (double) l.epoch() / epochs);
        System.err.print("\r" + Messages.get("cli.train.epoch", String.format(Locale.ROOT, "%3d", l.epoch()), epochs,
                "#".repeat(filled) + ".".repeat(width - filled), l.trainLoss(), l.minedLoss(), l.triplets(),
                l.valTar()));
        if (l.epoch() == epochs) {
            System.err.println();
        }
    }

    private static <E extends Enum<E>> E choose(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw CliException.of(ExitCodes.FAILURE, "cli.train.choice", option, String.join(", ", names), value);
        }
    }

    private static int[] labelsOf(List<HeadTrainer.Sample> s) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        return s.stream().mapToInt(x -> ids.computeIfAbsent(x.identity(), k -> ids.size())).toArray();
    }

    private static float[][] featuresOf(List<HeadTrainer.Sample> s) {
        return s.stream().map(HeadTrainer.Sample::features).toArray(float[][]::new);
    }

    static Map<String, Object> fields(VerificationReport r, int imagesWithoutFace) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairs", r.pairs());
        m.put("genuinePairs", r.genuine());
        m.put("impostorPairs", r.impostor());
        m.put("imagesWithoutFace", imagesWithoutFace);
        EvaluateCommand.putMetrics(m, r);
        return m;
    }
}
