package io.facecheck.cli;

import io.facecheck.attendance.Reports;
import io.facecheck.config.Settings;
import io.facecheck.store.Database;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.UncheckedIOException;
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

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV file to write (replaced).")
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
        Settings s = store.settings();
        try (Database db = store.open(Database.OpenMode.EXISTING)) {
            Reports reports = new Reports(db, s.checkIn().zone(), s.checkIn().workStart(),
                    bom != null ? bom : s.report().bom(), s.report().delimiter());
            int rows = summary ? reports.exportSummary(first, last, out, actor.name())
                    : reports.exportEvents(first, last, out, actor.name());
            if (json) {
                Json.print(Map.of("file", out.toAbsolutePath().toString(), "rows", rows,
                        "kind", summary ? "summary" : "events"));
            } else {
                System.out.println("wrote " + rows + (summary ? " day summaries" : " events") + " to " + out);
            }
            return ExitCodes.OK;
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        } catch (UncheckedIOException e) {
            throw new CliException(ExitCodes.FAILURE, e.getMessage());
        }
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCodes.FAILURE, option + " " + value + " is not a date like 2026-03-01");
        }
    }
}
