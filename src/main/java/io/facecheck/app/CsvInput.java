package io.facecheck.app;

import io.facecheck.attendance.EmployeeImporter;
import io.facecheck.config.LocalizedMessage;
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
            throw InvalidInput.of("app.csv.notUtf8", file.toString());
        } catch (IOException e) {
            throw new InvalidInput(LocalizedMessage.of("app.file.unreadable", file.toString(), e.getMessage()), e);
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
                    throw InvalidInput.of("app.csv.fields", file.toString(), line, columns.size(),
                            String.join(",", columns), cells.size());
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInput(LocalizedMessage.of("app.csv.unreadable", file.toString(), rootMessage(e)), e);
        }
        return rows;
    }

    /** The message for a bad value in a row: {@code key} with {@code args} after the file and line. */
    static InvalidInput bad(Path file, Row row, String key, Object... args) {
        return InvalidInput.of("app.csv.line", file.toString(), row.line(), LocalizedMessage.of(key, args));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : e.toString();
    }
}
