package io.facecheck.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the timesheet exports back for the tests: the CSV with commons-csv, the XLSX with fastexcel's reader. */
final class TimesheetFiles {
    private TimesheetFiles() {
    }

    static List<List<String>> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(text))) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    static Workbook xlsx(Path file) throws IOException {
        Map<String, List<Row>> sheets = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            for (var sheet : wb.getSheets().toList()) {
                sheets.put(sheet.getName(), sheet.read());
            }
        }
        Map<String, String> xml = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/worksheets/sheet")) {
                    xml.put(e.getName(), new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return new Workbook(sheets, xml);
    }

    /** An XLSX as read back: its sheets' rows, and the raw sheet XML. */
    record Workbook(Map<String, List<Row>> sheets, Map<String, String> sheetXml) {
        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        List<String> sheetNames() {
            return List.copyOf(sheets.keySet());
        }

        /** Formula cells in the whole workbook (none may come from user data). */
        long formulas() {
            return sheetXml.values().stream().filter(x -> x.contains("<f>") || x.contains("<f ")).count()
                    + sheets.values().stream().flatMap(List::stream).flatMap(Row::stream)
                    .filter(c -> c != null && c.getType() == CellType.FORMULA).count();
        }

        /** Whether the sheet's first row is a frozen pane. */
        boolean frozenHeader(String sheet) {
            int index = sheetNames().indexOf(sheet) + 1;
            String x = sheetXml.get("xl/worksheets/sheet" + index + ".xml");
            return x != null && x.matches("(?s).*<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\".*");
        }

        BigDecimal number(String sheet, int row, int col) {
            Cell c = sheets.get(sheet).get(row).getCell(col);
            if (c.getType() != CellType.NUMBER) {
                throw new AssertionError(sheet + " row " + row + " column " + col + " is " + c.getType());
            }
            return c.asNumber();
        }

        List<List<String>> text(String sheet) {
            List<List<String>> out = new ArrayList<>();
            for (Row r : sheets.get(sheet)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    Cell c = r.getCell(i);
                    cells.add(c == null || c.getType() == CellType.EMPTY ? "" : c.getText());
                }
                out.add(cells);
            }
            return out;
        }

        /**
         * The sheet as the CSV writes it: numbers as shown by their format (two decimals for hours, whole counts),
         * dates and date-times as the format shows them.
         */
        List<List<String>> asCsvText(String sheet) {
            List<List<String>> out = new ArrayList<>();
            int width = sheets.get(sheet).get(0).getCellCount();
            for (Row r : sheets.get(sheet)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell c = i < r.getCellCount() ? r.getCell(i) : null;
                    cells.add(shown(c));
                }
                out.add(cells);
            }
            return out;
        }

        private static String shown(Cell c) {
            if (c == null || c.getType() == CellType.EMPTY) {
                return "";
            }
            if (c.getType() != CellType.NUMBER) {
                return c.getText();
            }
            String format = c.getDataFormatString();
            if (format != null && format.startsWith("yyyy-mm-dd hh")) {
                return DATE_TIME.format(c.asDate());
            }
            if (format != null && format.startsWith("yyyy-mm-dd")) {
                return c.asDate().toLocalDate().toString();
            }
            if ("0.00".equals(format)) {
                return c.asNumber().setScale(2, RoundingMode.HALF_UP).toPlainString();
            }
            return c.asNumber().stripTrailingZeros().toPlainString();
        }
    }
}
