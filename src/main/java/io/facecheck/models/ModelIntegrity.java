package io.facecheck.models;

import io.facecheck.config.LocalizedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks a model folder's files against the SHA-256 its card lists, before TensorFlow reads them: a damaged
 * network still loads and runs, and answers wrongly (issue 17: a corrupted MobileFaceNet called two different
 * people the same). Files verified before are not hashed again while they are unchanged ({@link VerifiedHashes}).
 */
public final class ModelIntegrity {
    private ModelIntegrity() {
    }

    /** As {@link #check(Path, ModelCard, VerifiedHashes, boolean)} with this process's cache. */
    public static void check(Path dir, ModelCard card) {
        check(dir, card, VerifiedHashes.shared(), true);
    }

    /**
     * Throws a {@link ModelException} naming the first file that is missing, unlisted or differs from the card.
     *
     * @param trustCache false to hash every file whatever the cache says ({@code models verify}); what is hashed is
     *                   remembered either way
     */
    public static void check(Path dir, ModelCard card, VerifiedHashes hashes, boolean trustCache) {
        Path cardFile = dir.resolve(ModelCard.FILE_NAME).toAbsolutePath();
        Map<String, String> files = card.files();
        if (files == null || files.isEmpty()) {
            throw new ModelException(LocalizedMessage.of("cli.model.noFiles", cardFile));
        }
        requireListed(dir, files, cardFile);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey()).toAbsolutePath();
            String expected = f.getValue();
            if (!Files.isRegularFile(p)) {
                throw new ModelException(LocalizedMessage.of("cli.model.missing", p));
            }
            if (trustCache && hashes.known(p, expected)) {
                continue;
            }
            try {
                VerifiedHashes.Stamp before = VerifiedHashes.Stamp.of(p);
                Instant started = hashes.now();
                String actual = Sha256.of(p);
                if (!actual.equalsIgnoreCase(expected)) {
                    throw new ModelException(LocalizedMessage.of("cli.model.corrupt", p, actual, cardFile, expected));
                }
                hashes.remember(p, before, actual, started);
            } catch (IOException e) {
                throw new ModelException(LocalizedMessage.of("cli.model.unreadable", p, e.getMessage()), e);
            }
        }
    }

    /** The files TensorFlow reads (the graph and any variables) must be on the card, or they go unchecked. */
    private static void requireListed(Path dir, Map<String, String> files, Path cardFile) {
        if (!files.containsKey(SavedModels.PB)) {
            throw new ModelException(LocalizedMessage.of("cli.model.unlisted", SavedModels.PB, cardFile));
        }
        Path variables = dir.resolve("variables");
        if (!Files.isDirectory(variables)) {
            return;
        }
        try (Stream<Path> s = Files.walk(variables)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!files.containsKey(rel)) {
                    throw new ModelException("model file not on its card: " + p.toAbsolutePath() + " is not listed in "
                            + cardFile + " — " + Models.REGENERATE_HINT);
                }
            }
        } catch (IOException e) {
            throw new ModelException("cannot read model folder " + variables.toAbsolutePath() + " (" + e.getMessage()
                    + ")", e);
        }
    }
}
