package io.facecheck.app;

import io.facecheck.attendance.EmployeeImporter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The import files ({@code code,name,department}, {@code code,date,shift}, {@code code,at,direction}): UTF-8 with or
 * without a byte-order mark, an optional header row, blank lines ignored, every row with exactly the expected
 * fields. The whole file is read and checked before anything is imported, so a malformed file is refused whole.
 */
final class CsvInput {
    /** One row of the file, with its 1-based line number for messages. */
    record Row(long line, List<String> cells) {
        String get(int i) {
            return cells.get(i);
        }
    }

    private CsvInput() {
    }

    /**
     * The data rows of {@code file}, whose columns are {@code columns}.
     *
     * @throws InvalidInput naming the file and line of the first malformed row, or an unreadable file
     */
    static List<Row> read(Path file, List<String> columns) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInput("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get().parse(new java.io.StringReader(text))) {
            boolean first = true;
            for (CSVRecord rec : parser) {
                List<String> cells = rec.toList().stream().map(String::strip).toList();
                long line = EmployeeImporter.lineAt(text, rec.getCharacterPosition());
                if (first && cells.get(0).toLowerCase(Locale.ROOT).equals(columns.get(0))) {
                    first = false;
                    continue;
                }
                first = false;
                if (cells.size() != columns.size()) {
                    throw new InvalidInput(file + " line " + line + ": expected " + columns.size() + " fields ("
                            + String.join(",", columns) + "), found " + cells.size());
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInput(file + " is not a readable CSV file: " + rootMessage(e), e);
        }
        return rows;
    }

    /** The message for a bad value in a row. */
    static InvalidInput bad(Path file, Row row, String what) {
        return new InvalidInput(file + " line " + row.line() + ": " + what);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : e.toString();
    }
}
