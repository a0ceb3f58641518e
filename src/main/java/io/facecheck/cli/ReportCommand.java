package io.facecheck.cli;

import io.facecheck.attendance.Reports;
import io.facecheck.config.Settings;
import io.facecheck.store.Database;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck report --from DATE --to DATE [--summary] --out FILE.csv}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write attendance for a date range as CSV: raw events, or a per-day summary with --summary.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (ISO, e.g. 2026-03-01).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, inclusive.")
    String to;

    @Option(names = "--summary", description = "Per person and day: first in, last out, hours, late, missing checkout.")
    boolean summary;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write (replaced; the "
            + "folder must exist), or - for stdout (the messages then go to stderr).")
    Path out;

    @Option(names = "--bom", negatable = true, description = "Start with a UTF-8 byte-order mark for Excel "
            + "(default: report.bom in the settings).")
    Boolean bom;

    @Mixin
    ActorOption actor;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (last.isBefore(first)) {
            throw new CliException(ExitCodes.FAILURE, "--to " + last + " is before --from " + first);
        }
        boolean toStdout = OutputFiles.isStdout(out);
        if (toStdout && json) {
            throw new CliException(ExitCodes.USAGE, "--json and --out - would both print on stdout; give --out a file");
        }
        if (!toStdout) {
            OutputFiles.check("--out", out);
        }
        Settings s = store.settings();
        try (Database db = store.open()) {
            Reports reports = new Reports(db, s.checkIn().zone(), s.checkIn().workStart(),
                    bom != null ? bom : s.report().bom(), s.report().delimiter());
            int rows;
            if (toStdout) {
                try (Writer w = stdout()) {
                    rows = summary ? reports.exportSummary(first, last, w, "stdout", actor.name())
                            : reports.exportEvents(first, last, w, "stdout", actor.name());
                }
            } else {
                rows = summary ? reports.exportSummary(first, last, out, actor.name())
                        : reports.exportEvents(first, last, out, actor.name());
            }
            if (json) {
                Json.print(Map.of("file", out.toAbsolutePath().toString(), "rows", rows,
                        "kind", summary ? "summary" : "events"));
            } else {
                // stdout carries only the CSV when it is the target
                (toStdout ? System.err : System.out).println("wrote " + rows + (summary ? " day summaries" : " events")
                        + " to " + (toStdout ? "stdout" : out));
            }
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage());
        }
    }

    /** Stdout as a UTF-8 writer that the CSV printer may close: closing only flushes it. */
    private static Writer stdout() {
        return new FilterWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCodes.FAILURE, option + " " + value + " is not a date like 2026-03-01");
        }
    }
}
