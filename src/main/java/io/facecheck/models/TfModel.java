package io.facecheck.models;

import io.facecheck.config.LocalizedMessage;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.proto.ConfigProto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One loaded SavedModel and its card. The underlying TensorFlow session is thread-safe, so one instance
 * serves every thread; callers close the {@link Result} they get (and with it every output tensor).
 */
public final class TfModel implements AutoCloseable {
    private final ModelCard card;
    private final Path dir;
    private final SavedModelBundle bundle;
    private final SessionFunction function;

    private TfModel(ModelCard card, Path dir, SavedModelBundle bundle) {
        this.card = card;
        this.dir = dir;
        this.bundle = bundle;
        this.function = bundle.function(SavedModels.SIGNATURE);
    }

    /**
     * Loads {@code dir} (a folder with {@code saved_model.pb} and {@code model.json}) once its files match the
     * card's SHA-256 ({@link ModelIntegrity}): every network of every command and window comes through here.
     */
    public static TfModel load(Path dir, TfThreads threads) {
        Path cardFile = dir.resolve(ModelCard.FILE_NAME);
        Path pb = dir.resolve("saved_model.pb");
        for (Path p : new Path[] {cardFile, pb}) {
            if (!Files.isRegularFile(p)) {
                throw new ModelException(LocalizedMessage.of("cli.model.missing", p.toAbsolutePath()));
            }
        }
        ModelCard card;
        try {
            card = ModelCard.read(cardFile);
        } catch (Exception e) {
            throw new ModelException(LocalizedMessage.of("cli.model.cardUnreadable", cardFile.toAbsolutePath(), e.getMessage()), e);
        }
        ModelIntegrity.check(dir, card);
        ConfigProto config = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads.intraOp())
                .setInterOpParallelismThreads(threads.interOp())
                // the session's own pools: TensorFlow's global ones are sized by whichever session loads first
                .setUsePerSessionThreads(true)
                .build();
        TfLogging.beforeFirstUse();
        try {
            SavedModelBundle bundle = SavedModelBundle.loader(dir.toString())
                    .withTags(SavedModels.TAG)
                    .withConfigProto(config)
                    .load();
            return new TfModel(card, dir, bundle);
        } catch (RuntimeException e) {
            throw new ModelException(LocalizedMessage.of("cli.model.cannotLoad", pb.toAbsolutePath(), firstLine(e)), e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public ModelCard card() {
        return card;
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return card.name();
    }

    /** Runs the serving signature; the caller owns (and must close) the result. */
    public Result run(Map<String, Tensor> inputs) {
        return function.call(inputs);
    }

    /** Convenience for single-input models: feeds the card's input name. */
    public Result run(Tensor input) {
        return run(Map.of(card.input().name(), input));
    }

    @Override
    public void close() {
        bundle.close();
    }
}
