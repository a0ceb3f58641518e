package io.facecheck.eval;

import io.facecheck.face.ImageFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The pairs of an evaluation: every pair of a folder-per-identity set (so a set of 10 people × 10 photos gives
 * 450 genuine and 4,500 impostor pairs, the protocol of issue 3), or the pairs listed in a CSV file
 * {@code file_x,file_y,Decision} with Decision {@code Yes}/{@code No} or {@code 1}/{@code 0}.
 */
public final class Pairs {

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp");

    private Pairs() {
    }

    /**
     * The images of a folder with one sub-folder per identity, sorted by identity then file name. A file counts
     * if its content is an image or its name says it is one (so a corrupt {@code .jpg} is reported later as
     * unreadable rather than silently skipped); hidden files and files directly in {@code folder} are ignored.
     */
    public static List<LabelledImage> images(Path folder) throws PairsFileException {
        if (!Files.isDirectory(folder)) {
            throw new PairsFileException(folder + ": not a folder");
        }
        List<LabelledImage> out = new ArrayList<>();
        try (Stream<Path> people = Files.list(folder)) {
            for (Path person : people.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList()) {
                String id = person.getFileName().toString();
                try (Stream<Path> files = Files.list(person)) {
                    for (Path f : files.filter(Files::isRegularFile).filter(p -> !hidden(p)).sorted().toList()) {
                        if (looksLikeImage(f)) {
                            out.add(new LabelledImage(f, id + "/" + f.getFileName(), id));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new PairsFileException(folder + ": cannot list folder: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new PairsFileException(folder + ": no images in sub-folders (expected one sub-folder per person)");
        }
        return out;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static boolean looksLikeImage(Path f) throws IOException {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return true;
        }
        return ImageFormat.sniff(f).isPresent();
    }

    /** Every unordered pair of {@code images}, in index order; same = same identity. */
    public static List<Pair> allPairs(List<LabelledImage> images) {
        List<Pair> out = new ArrayList<>(images.size() * (images.size() - 1) / 2);
        for (int i = 0; i < images.size(); i++) {
            for (int j = i + 1; j < images.size(); j++) {
                LabelledImage a = images.get(i), b = images.get(j);
                out.add(new Pair(a.name(), b.name(), a.identity().equals(b.identity())));
            }
        }
        return out;
    }

    /** Reads a pairs CSV (header {@code file_x,file_y,Decision}; UTF-8, an optional BOM is skipped). */
    public static List<Pair> readCsv(Path csv) throws PairsFileException {
        List<Pair> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
                     .build().parse(r)) {
            boolean header = true;
            for (CSVRecord rec : p) {
                String where = csv + " line " + rec.getRecordNumber();
                if (header) {
                    header = false;
                    String first = rec.size() > 0 ? rec.get(0).replace("\uFEFF", "").trim() : "";
                    if (rec.size() != 3 || !first.equalsIgnoreCase("file_x") || !rec.get(1).equalsIgnoreCase("file_y")
                            || !rec.get(2).equalsIgnoreCase("Decision")) {
                        throw new PairsFileException(where + ": header must be file_x,file_y,Decision, got "
                                + String.join(",", rec.toList()));
                    }
                    continue;
                }
                if (rec.size() != 3) {
                    throw new PairsFileException(where + ": expected 3 fields (file_x,file_y,Decision), got " + rec.size());
                }
                if (rec.get(0).isEmpty() || rec.get(1).isEmpty()) {
                    throw new PairsFileException(where + ": empty file name");
                }
                out.add(new Pair(rec.get(0), rec.get(1), decision(rec.get(2), where)));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PairsFileException(csv + ": no such file");
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new PairsFileException(csv + ": cannot read CSV: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new PairsFileException(csv + ": no pairs");
        }
        return out;
    }

    private static boolean decision(String v, String where) throws PairsFileException {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "1", "true" -> true;
            case "no", "0", "false" -> false;
            default -> throw new PairsFileException(where + ": Decision must be Yes/No or 1/0, got '" + v + "'");
        };
    }
}
