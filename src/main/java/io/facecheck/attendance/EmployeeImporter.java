package io.facecheck.attendance;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Imports employees from a CSV file {@code code,name,department,photo_dir} (a header row is optional; UTF-8,
 * with or without a byte-order mark; {@code photo_dir} relative to the CSV's folder). A malformed row is
 * reported with its line number and skipped; the other rows are imported, each in its own transaction.
 */
public final class EmployeeImporter {
    /**
     * A row that was not imported.
     *
     * @param result the enrollment the row led to (refused as a duplicate, or without a usable photo), or null when
     *               the row itself could not be used (malformed, no photo folder, an error)
     */
    public record Problem(long line, String message, EnrollmentService.Result result) {
        public Problem(long line, String message) {
            this(line, message, null);
        }

        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** What an import did. */
    public record Report(List<EnrollmentService.Result> results, List<Problem> problems) {
        public List<String> enrolledCodes() {
            return results.stream().filter(EnrollmentService.Result::enrolled).map(EnrollmentService.Result::code)
                    .toList();
        }
    }

    private final EnrollmentService enrollment;

    public EmployeeImporter(EnrollmentService enrollment) {
        this.enrollment = enrollment;
    }

    public Report importCsv(Path csv, EnrollmentService.Options options) {
        List<EnrollmentService.Result> results = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Path base = csv.toAbsolutePath().getParent();
        String text;
        try {
            text = Files.readString(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        try (Reader r = new StringReader(text);
             CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true)
                     .setIgnoreEmptyLines(true).get().parse(r)) {
            Iterator<CSVRecord> it = parser.iterator();
            boolean first = true;
            while (true) {
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(new Problem(parser.getCurrentLineNumber() + 1,
                            "unreadable CSV from here on: " + rootMessage(e)));
                    break;
                }
                long line = lineAt(text, rec.getCharacterPosition());
                List<String> cells = new ArrayList<>(rec.toList());
                if (first && !cells.isEmpty()) {
                    cells.set(0, cells.get(0).replace("\uFEFF", ""));
                }
                if (first && cells.get(0).strip().toLowerCase(Locale.ROOT).equals("code")) {
                    first = false;
                    continue;
                }
                first = false;
                String problem = check(cells, base);
                if (problem != null) {
                    problems.add(new Problem(line, problem));
                    continue;
                }
                String code = cells.get(0).strip();
                String name = cells.get(1).strip();
                String dept = cells.get(2).strip();
                Path dir = base.resolve(cells.get(3).strip());
                try {
                    EnrollmentService.Result res = enrollment.enroll(code, name, dept.isEmpty() ? null : dept,
                            EnrollmentService.photosIn(dir), options);
                    results.add(res);
                    if (res.duplicate() != null) {
                        problems.add(new Problem(line, code + ": face matches employee " + res.duplicate().code()
                                + " (" + res.duplicate().name() + "); not enrolled", res));
                    } else if (res.notOnePerson() != null) {
                        problems.add(new Problem(line, code + ": " + res.notOnePerson().describe() + "; not enrolled", res));
                    } else if (!res.enrolled()) {
                        problems.add(new Problem(line, code + ": no usable photo in " + dir + " ("
                                + res.rejected().size() + " rejected)", res));
                    }
                } catch (RuntimeException | IOException e) {
                    problems.add(new Problem(line, code + ": " + rootMessage(e)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        return new Report(results, problems);
    }

    /**
     * 1-based line of the record starting at {@code position}; the parser's position includes the empty lines it
     * skipped before the record, so those are stepped over. (Shared with the other CSV imports.)
     */
    public static long lineAt(String text, long position) {
        long line = 1;
        int i = 0;
        for (; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        for (; i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n'); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String check(List<String> cells, Path base) {
        if (cells.size() != 4) {
            return "expected 4 fields (code,name,department,photo_dir), found " + cells.size();
        }
        if (cells.get(0).isBlank()) {
            return "empty code";
        }
        if (cells.get(1).isBlank()) {
            return "empty name";
        }
        if (cells.get(3).isBlank()) {
            return "empty photo_dir";
        }
        Path dir = base.resolve(cells.get(3).strip());
        if (!Files.isDirectory(dir)) {
            return "photo folder " + dir + " does not exist";
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : e.getMessage();
    }
}
